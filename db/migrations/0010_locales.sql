ALTER TABLE `pages` ADD `default_locale` text DEFAULT 'en' NOT NULL;--> statement-breakpoint
ALTER TABLE `pages` ADD `locales` text DEFAULT '["en"]' NOT NULL;--> statement-breakpoint
ALTER TABLE `subscribers` ADD `locale` text DEFAULT 'en' NOT NULL;