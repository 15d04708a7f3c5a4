CREATE TABLE `check_results` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`monitor_id` text NOT NULL,
	`at` integer NOT NULL,
	`ok` integer NOT NULL,
	`slow` integer DEFAULT false NOT NULL,
	`latency_ms` integer,
	`error` text,
	`late_ms` integer DEFAULT 0 NOT NULL,
	FOREIGN KEY (`monitor_id`) REFERENCES `monitors`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `check_results_monitor_id_at_idx` ON `check_results` (`monitor_id`,`at`);--> statement-breakpoint
CREATE INDEX `check_results_at_idx` ON `check_results` (`at`);--> statement-breakpoint
CREATE TABLE `check_rollups` (
	`monitor_id` text NOT NULL,
	`size` text NOT NULL,
	`bucket_start` integer NOT NULL,
	`count` integer NOT NULL,
	`failures` integer NOT NULL,
	`p50_ms` integer,
	`p95_ms` integer,
	`max_ms` integer,
	PRIMARY KEY(`monitor_id`, `size`, `bucket_start`),
	FOREIGN KEY (`monitor_id`) REFERENCES `monitors`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `check_rollups_size_bucket_start_idx` ON `check_rollups` (`size`,`bucket_start`);--> statement-breakpoint
CREATE TABLE `monitor_alerts` (
	`monitor_id` text NOT NULL,
	`kind` text NOT NULL,
	`last_sent_at` integer NOT NULL,
	`suppressed` integer DEFAULT 0 NOT NULL,
	PRIMARY KEY(`monitor_id`, `kind`),
	FOREIGN KEY (`monitor_id`) REFERENCES `monitors`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `monitor_component_state` (
	`component_id` text PRIMARY KEY NOT NULL,
	`desired` text,
	`applied` text,
	`manual` integer DEFAULT false NOT NULL,
	`disagreement` text,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`component_id`) REFERENCES `components`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `monitor_drafts` (
	`id` text PRIMARY KEY NOT NULL,
	`component_id` text NOT NULL,
	`monitor_id` text,
	`status` text NOT NULL,
	`first_error` text NOT NULL,
	`state` text DEFAULT 'open' NOT NULL,
	`created_at` integer NOT NULL,
	`recovered_at` integer,
	`published_incident_id` text,
	`auto_published` integer DEFAULT false NOT NULL,
	`closed_at` integer,
	FOREIGN KEY (`component_id`) REFERENCES `components`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`monitor_id`) REFERENCES `monitors`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `monitor_drafts_state_idx` ON `monitor_drafts` (`state`);--> statement-breakpoint
CREATE INDEX `monitor_drafts_component_id_idx` ON `monitor_drafts` (`component_id`);--> statement-breakpoint
CREATE TABLE `monitor_lease` (
	`id` integer PRIMARY KEY NOT NULL,
	`owner` text NOT NULL,
	`expires_at` integer NOT NULL,
	`last_run_at` integer
);
--> statement-breakpoint
CREATE TABLE `monitors` (
	`id` text PRIMARY KEY NOT NULL,
	`component_id` text NOT NULL,
	`name` text NOT NULL,
	`kind` text NOT NULL,
	`settings` text NOT NULL,
	`interval_seconds` integer DEFAULT 60 NOT NULL,
	`timeout_ms` integer DEFAULT 10000 NOT NULL,
	`latency_threshold_ms` integer,
	`fail_threshold` integer DEFAULT 2 NOT NULL,
	`recover_threshold` integer DEFAULT 2 NOT NULL,
	`paused` integer DEFAULT false NOT NULL,
	`auto_publish` integer DEFAULT false NOT NULL,
	`heartbeat_token` text,
	`last_beat_at` integer,
	`health` text DEFAULT 'unknown' NOT NULL,
	`fail_streak` integer DEFAULT 0 NOT NULL,
	`ok_streak` integer DEFAULT 0 NOT NULL,
	`slow_streak` integer DEFAULT 0 NOT NULL,
	`fast_streak` integer DEFAULT 0 NOT NULL,
	`next_check_at` integer NOT NULL,
	`last_checked_at` integer,
	`last_latency_ms` integer,
	`last_error` text,
	`health_changed_at` integer,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`component_id`) REFERENCES `components`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `monitors_component_id_idx` ON `monitors` (`component_id`);--> statement-breakpoint
CREATE INDEX `monitors_paused_next_check_at_idx` ON `monitors` (`paused`,`next_check_at`);--> statement-breakpoint
CREATE UNIQUE INDEX `monitors_heartbeat_token_idx` ON `monitors` (`heartbeat_token`);