CREATE TABLE `affected_reports` (
	`component_id` text NOT NULL,
	`window_start` integer NOT NULL,
	`client_hash` text NOT NULL,
	`created_at` integer NOT NULL,
	PRIMARY KEY(`component_id`, `window_start`, `client_hash`),
	FOREIGN KEY (`component_id`) REFERENCES `components`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `affected_reports_window_start_idx` ON `affected_reports` (`window_start`);--> statement-breakpoint
CREATE INDEX `affected_reports_client_hash_idx` ON `affected_reports` (`client_hash`,`created_at`);--> statement-breakpoint
ALTER TABLE `components` ADD `browser_probe_url` text;