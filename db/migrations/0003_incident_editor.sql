CREATE TABLE `incident_templates` (
	`id` text PRIMARY KEY NOT NULL,
	`kind` text DEFAULT 'incident' NOT NULL,
	`name` text NOT NULL,
	`title` text NOT NULL,
	`body` text DEFAULT '' NOT NULL,
	`impact` text DEFAULT 'minor' NOT NULL,
	`components` text DEFAULT '{}' NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `maintenance_recurrences` (
	`id` text PRIMARY KEY NOT NULL,
	`title` text NOT NULL,
	`body` text DEFAULT '' NOT NULL,
	`component_ids` text DEFAULT '[]' NOT NULL,
	`frequency` text NOT NULL,
	`weekday` integer NOT NULL,
	`nth` integer,
	`start_time` text NOT NULL,
	`duration_minutes` integer NOT NULL,
	`remind_prior_minutes` integer,
	`active` integer DEFAULT true NOT NULL,
	`generated_until` integer,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
ALTER TABLE `incident_updates` ADD `edited_at` integer;--> statement-breakpoint
ALTER TABLE `incident_updates` ADD `created_by` text;--> statement-breakpoint
ALTER TABLE `incidents` ADD `postmortem_updated_at` integer;--> statement-breakpoint
ALTER TABLE `incidents` ADD `next_update_at` integer;--> statement-breakpoint
ALTER TABLE `incidents` ADD `update_cadence_minutes` integer;--> statement-breakpoint
ALTER TABLE `incidents` ADD `overdue_reminded_at` integer;--> statement-breakpoint
ALTER TABLE `incidents` ADD `auto_start` integer DEFAULT true NOT NULL;--> statement-breakpoint
ALTER TABLE `incidents` ADD `auto_complete` integer DEFAULT true NOT NULL;--> statement-breakpoint
ALTER TABLE `incidents` ADD `remind_prior_minutes` integer;--> statement-breakpoint
ALTER TABLE `incidents` ADD `reminded_prior_at` integer;--> statement-breakpoint
ALTER TABLE `incidents` ADD `recurrence_id` text;--> statement-breakpoint
CREATE INDEX `incidents_next_update_at_idx` ON `incidents` (`next_update_at`);--> statement-breakpoint
CREATE INDEX `incidents_scheduled_for_idx` ON `incidents` (`scheduled_for`);--> statement-breakpoint
CREATE INDEX `incidents_recurrence_id_idx` ON `incidents` (`recurrence_id`);