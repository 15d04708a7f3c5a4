CREATE TABLE `check_location_rollups` (
	`monitor_id` text NOT NULL,
	`location` text NOT NULL,
	`bucket_start` integer NOT NULL,
	`count` integer NOT NULL,
	`failures` integer NOT NULL,
	`p50_ms` integer,
	`p95_ms` integer,
	PRIMARY KEY(`monitor_id`, `location`, `bucket_start`),
	FOREIGN KEY (`monitor_id`) REFERENCES `monitors`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `check_location_rollups_bucket_start_idx` ON `check_location_rollups` (`bucket_start`);