CREATE TABLE `monitor_locations` (
	`monitor_id` text NOT NULL,
	`location` text NOT NULL,
	`health` text DEFAULT 'unknown' NOT NULL,
	`fail_streak` integer DEFAULT 0 NOT NULL,
	`ok_streak` integer DEFAULT 0 NOT NULL,
	`slow_streak` integer DEFAULT 0 NOT NULL,
	`fast_streak` integer DEFAULT 0 NOT NULL,
	`last_checked_at` integer,
	`last_latency_ms` integer,
	`last_error` text,
	`health_changed_at` integer,
	PRIMARY KEY(`monitor_id`, `location`),
	FOREIGN KEY (`monitor_id`) REFERENCES `monitors`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `monitor_locations_location_idx` ON `monitor_locations` (`location`);--> statement-breakpoint
CREATE TABLE `probe_agents` (
	`id` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`label` text NOT NULL,
	`token_id` text NOT NULL,
	`created_at` integer NOT NULL,
	`last_seen_at` integer,
	`version` text,
	`clock_skew_ms` integer,
	`boot` text,
	`acked_seq` integer DEFAULT 0 NOT NULL,
	`silent_since` integer,
	FOREIGN KEY (`token_id`) REFERENCES `api_tokens`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `probe_agents_name_idx` ON `probe_agents` (`name`);--> statement-breakpoint
CREATE UNIQUE INDEX `probe_agents_token_id_idx` ON `probe_agents` (`token_id`);--> statement-breakpoint
ALTER TABLE `check_results` ADD `location` text DEFAULT 'local' NOT NULL;--> statement-breakpoint
ALTER TABLE `monitors` ADD `checks_locally` integer DEFAULT true NOT NULL;--> statement-breakpoint
ALTER TABLE `monitors` ADD `quorum` integer;--> statement-breakpoint
CREATE INDEX `monitors_checks_locally_next_check_at_idx` ON `monitors` (`checks_locally`,`next_check_at`);