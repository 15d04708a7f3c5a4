PRAGMA foreign_keys=OFF;--> statement-breakpoint
CREATE TABLE `__new_deliveries` (
	`id` text PRIMARY KEY NOT NULL,
	`update_id` text,
	`incident_id` text,
	`component_change_id` text,
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
	FOREIGN KEY (`component_change_id`) REFERENCES `component_changes`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`subscriber_id`) REFERENCES `subscribers`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "deliveries_one_subject" CHECK((update_id IS NOT NULL AND incident_id IS NOT NULL AND component_change_id IS NULL) OR (update_id IS NULL AND incident_id IS NULL AND component_change_id IS NOT NULL))
);
--> statement-breakpoint
INSERT INTO `__new_deliveries`("id", "update_id", "incident_id", "component_change_id", "seq", "channel", "target", "subscriber_id", "state", "attempts", "next_attempt_at", "attempt_started_at", "uncertain", "last_error", "remote_id", "remote_url", "remote_ref", "sent_at", "created_at", "updated_at") SELECT "id", "update_id", "incident_id", "component_change_id", "seq", "channel", "target", "subscriber_id", "state", "attempts", "next_attempt_at", "attempt_started_at", "uncertain", "last_error", "remote_id", "remote_url", "remote_ref", "sent_at", "created_at", "updated_at" FROM `deliveries`;--> statement-breakpoint
DROP TABLE `deliveries`;--> statement-breakpoint
ALTER TABLE `__new_deliveries` RENAME TO `deliveries`;--> statement-breakpoint
PRAGMA foreign_keys=ON;--> statement-breakpoint
CREATE UNIQUE INDEX `deliveries_update_id_target_idx` ON `deliveries` (`update_id`,`target`);--> statement-breakpoint
CREATE UNIQUE INDEX `deliveries_component_change_id_target_idx` ON `deliveries` (`component_change_id`,`target`);--> statement-breakpoint
CREATE INDEX `deliveries_state_seq_idx` ON `deliveries` (`state`,`seq`);--> statement-breakpoint
CREATE INDEX `deliveries_incident_id_target_idx` ON `deliveries` (`incident_id`,`target`);--> statement-breakpoint
CREATE INDEX `deliveries_target_state_seq_idx` ON `deliveries` (`target`,`state`,`seq`);