ALTER TABLE `api_tokens` ADD `scope` text DEFAULT 'admin' NOT NULL;--> statement-breakpoint
ALTER TABLE `users` ADD `totp_last_step` integer;--> statement-breakpoint
ALTER TABLE `users` ADD `oidc_subject` text;--> statement-breakpoint
CREATE UNIQUE INDEX `users_oidc_subject_idx` ON `users` (`oidc_subject`);--> statement-breakpoint
ALTER TABLE `monitors` ADD `internal_target` integer DEFAULT false NOT NULL;