CREATE TABLE `deliveries` (
	`id` text PRIMARY KEY NOT NULL,
	`update_id` text NOT NULL,
	`incident_id` text NOT NULL,
	`seq` integer NOT NULL,
	`channel` text NOT NULL,
	`target` text NOT NULL,
	`subscriber_id` text,
	`state` text DEFAULT 'pending' NOT NULL,
	`attempts` integer DEFAULT 0 NOT NULL,
	`next_attempt_at` integer NOT NULL,
	`attempt_started_at` integer,
	`uncertain` integer DEFAULT false NOT NULL,
	`last_error` text,
	`remote_id` text,
	`remote_url` text,
	`remote_ref` text,
	`sent_at` integer,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`update_id`) REFERENCES `incident_updates`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`incident_id`) REFERENCES `incidents`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`subscriber_id`) REFERENCES `subscribers`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `deliveries_update_id_target_idx` ON `deliveries` (`update_id`,`target`);--> statement-breakpoint
CREATE INDEX `deliveries_state_seq_idx` ON `deliveries` (`state`,`seq`);--> statement-breakpoint
CREATE INDEX `deliveries_incident_id_target_idx` ON `deliveries` (`incident_id`,`target`);--> statement-breakpoint
CREATE INDEX `deliveries_target_state_seq_idx` ON `deliveries` (`target`,`state`,`seq`);--> statement-breakpoint
CREATE TABLE `outbox_lease` (
	`name` text PRIMARY KEY NOT NULL,
	`holder` text NOT NULL,
	`expires_at` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `subscribe_throttle` (
	`key` text PRIMARY KEY NOT NULL,
	`count` integer DEFAULT 0 NOT NULL,
	`window_started_at` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `subscribers` (
	`id` text PRIMARY KEY NOT NULL,
	`kind` text NOT NULL,
	`address` text NOT NULL,
	`secret` text,
	`component_ids` text DEFAULT '[]' NOT NULL,
	`token` text NOT NULL,
	`confirmed_at` integer,
	`confirmation_sent_at` integer,
	`label` text DEFAULT '' NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `subscribers_kind_address_idx` ON `subscribers` (`kind`,`address`);--> statement-breakpoint
CREATE UNIQUE INDEX `subscribers_token_idx` ON `subscribers` (`token`);--> statement-breakpoint
CREATE TABLE `syndication_channels` (
	`name` text PRIMARY KEY NOT NULL,
	`enabled` integer DEFAULT true NOT NULL,
	`updated_at` integer NOT NULL
);
