CREATE TABLE `alert_deliveries` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`source_id` text NOT NULL,
	`received_at` integer NOT NULL,
	`http_status` integer NOT NULL,
	`alert_count` integer NOT NULL,
	`effects` text NOT NULL,
	`error` text,
	FOREIGN KEY (`source_id`) REFERENCES `alert_sources`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `alert_deliveries_source_id_idx` ON `alert_deliveries` (`source_id`,`id`);--> statement-breakpoint
CREATE TABLE `alert_rules` (
	`id` text PRIMARY KEY NOT NULL,
	`source_id` text NOT NULL,
	`position` integer NOT NULL,
	`matchers` text NOT NULL,
	`component_id` text NOT NULL,
	`status` text NOT NULL,
	`sets_status` integer DEFAULT false NOT NULL,
	`for_seconds` integer DEFAULT 0 NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`source_id`) REFERENCES `alert_sources`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`component_id`) REFERENCES `components`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `alert_rules_source_id_idx` ON `alert_rules` (`source_id`,`position`);--> statement-breakpoint
CREATE TABLE `alert_sources` (
	`id` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`kind` text NOT NULL,
	`token` text NOT NULL,
	`signing_secret` text,
	`default_component_id` text,
	`default_status` text,
	`auto_publish` integer DEFAULT false NOT NULL,
	`template_id` text,
	`paused` integer DEFAULT false NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	`last_delivery_at` integer,
	FOREIGN KEY (`default_component_id`) REFERENCES `components`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`template_id`) REFERENCES `incident_templates`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE UNIQUE INDEX `alert_sources_name_idx` ON `alert_sources` (`name`);--> statement-breakpoint
CREATE UNIQUE INDEX `alert_sources_token_idx` ON `alert_sources` (`token`);--> statement-breakpoint
CREATE TABLE `alerts` (
	`id` text PRIMARY KEY NOT NULL,
	`source_id` text NOT NULL,
	`fingerprint` text NOT NULL,
	`state` text NOT NULL,
	`at` integer NOT NULL,
	`started_at` integer,
	`summary` text NOT NULL,
	`url` text,
	`labels` text NOT NULL,
	`rule_id` text,
	`component_id` text,
	`status` text,
	`sets_status` integer DEFAULT false NOT NULL,
	`for_seconds` integer DEFAULT 0 NOT NULL,
	`firing_since` integer,
	`confirmed_at` integer,
	`muted` integer DEFAULT false NOT NULL,
	`draft_id` text,
	`received_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	`last_seen_at` integer NOT NULL,
	`repeats` integer DEFAULT 0 NOT NULL,
	FOREIGN KEY (`source_id`) REFERENCES `alert_sources`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`rule_id`) REFERENCES `alert_rules`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`component_id`) REFERENCES `components`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE UNIQUE INDEX `alerts_source_fingerprint_idx` ON `alerts` (`source_id`,`fingerprint`);--> statement-breakpoint
CREATE INDEX `alerts_component_state_idx` ON `alerts` (`component_id`,`state`);--> statement-breakpoint
CREATE INDEX `alerts_state_confirmed_idx` ON `alerts` (`state`,`confirmed_at`);--> statement-breakpoint
ALTER TABLE `monitor_drafts` ADD `alert_source_id` text;--> statement-breakpoint
ALTER TABLE `monitor_drafts` ADD `link` text;