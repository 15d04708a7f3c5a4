CREATE TABLE `component_changes` (
	`id` text PRIMARY KEY NOT NULL,
	`seq` integer NOT NULL,
	`component_id` text NOT NULL,
	`old_status` text NOT NULL,
	`new_status` text NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`component_id`) REFERENCES `components`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `component_changes_seq_idx` ON `component_changes` (`seq`);--> statement-breakpoint
ALTER TABLE `deliveries` ADD `component_change_id` text REFERENCES component_changes(id);