// The public links of a subscription (confirm, unsubscribe), shared by mail, webhooks and pages.
export const confirmUrl = (publicUrl: string, token: string) =>
  `${publicUrl}/subscriptions/confirm?token=${encodeURIComponent(token)}`;
export const unsubscribeUrl = (publicUrl: string, token: string) =>
  `${publicUrl}/subscriptions/unsubscribe?token=${encodeURIComponent(token)}`;
