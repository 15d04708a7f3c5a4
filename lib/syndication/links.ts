// The public links of a subscription (confirm, unsubscribe), shared by mail, webhooks, chat and
// pages, and the subscriber's own words: the locale they subscribed on, with links in it.
import { DEFAULT_LOCALE, isLocale, type Locale } from "../i18n/locales";
import { translator, type Translator } from "../i18n/messages";

export const confirmUrl = (publicUrl: string, token: string) =>
  `${publicUrl}/subscriptions/confirm?token=${encodeURIComponent(token)}`;
export const unsubscribeUrl = (publicUrl: string, token: string) =>
  `${publicUrl}/subscriptions/unsubscribe?token=${encodeURIComponent(token)}`;

/** A subscriber's words: their stored locale, with links in it (the page's default has no prefix). */
export function subscriberTranslator(locale: string | undefined, defaultLocale: Locale = DEFAULT_LOCALE): Translator {
  return translator(isLocale(locale) ? locale : DEFAULT_LOCALE, defaultLocale);
}

/** `url` ("https://status.example/subscriptions/…?token=…") in the translator's locale. */
export const localisedUrl = (tr: Translator, publicUrl: string, url: string) =>
  url.startsWith(publicUrl) ? `${publicUrl}${tr.href(url.slice(publicUrl.length))}` : url;
