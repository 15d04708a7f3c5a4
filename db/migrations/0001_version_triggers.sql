-- Every write to a public table bumps data_version, in the same transaction.
-- The public snapshot polls this one row, so it notices writes from any process:
-- the server, its background loops and command-line scripts alike.
INSERT OR IGNORE INTO `data_version` (`id`, `version`) VALUES (1, 1);
--> statement-breakpoint
CREATE TRIGGER `pages_insert_bump_version` AFTER INSERT ON `pages` BEGIN UPDATE `data_version` SET `version` = `version` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `pages_update_bump_version` AFTER UPDATE ON `pages` BEGIN UPDATE `data_version` SET `version` = `version` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `pages_delete_bump_version` AFTER DELETE ON `pages` BEGIN UPDATE `data_version` SET `version` = `version` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `component_groups_insert_bump_version` AFTER INSERT ON `component_groups` BEGIN UPDATE `data_version` SET `version` = `version` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `component_groups_update_bump_version` AFTER UPDATE ON `component_groups` BEGIN UPDATE `data_version` SET `version` = `version` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `component_groups_delete_bump_version` AFTER DELETE ON `component_groups` BEGIN UPDATE `data_version` SET `version` = `version` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `components_insert_bump_version` AFTER INSERT ON `components` BEGIN UPDATE `data_version` SET `version` = `version` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `components_update_bump_version` AFTER UPDATE ON `components` BEGIN UPDATE `data_version` SET `version` = `version` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `components_delete_bump_version` AFTER DELETE ON `components` BEGIN UPDATE `data_version` SET `version` = `version` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `component_status_periods_insert_bump_version` AFTER INSERT ON `component_status_periods` BEGIN UPDATE `data_version` SET `version` = `version` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `component_status_periods_update_bump_version` AFTER UPDATE ON `component_status_periods` BEGIN UPDATE `data_version` SET `version` = `version` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `component_status_periods_delete_bump_version` AFTER DELETE ON `component_status_periods` BEGIN UPDATE `data_version` SET `version` = `version` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `incidents_insert_bump_version` AFTER INSERT ON `incidents` BEGIN UPDATE `data_version` SET `version` = `version` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `incidents_update_bump_version` AFTER UPDATE ON `incidents` BEGIN UPDATE `data_version` SET `version` = `version` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `incidents_delete_bump_version` AFTER DELETE ON `incidents` BEGIN UPDATE `data_version` SET `version` = `version` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `incident_updates_insert_bump_version` AFTER INSERT ON `incident_updates` BEGIN UPDATE `data_version` SET `version` = `version` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `incident_updates_update_bump_version` AFTER UPDATE ON `incident_updates` BEGIN UPDATE `data_version` SET `version` = `version` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `incident_updates_delete_bump_version` AFTER DELETE ON `incident_updates` BEGIN UPDATE `data_version` SET `version` = `version` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `incident_update_components_insert_bump_version` AFTER INSERT ON `incident_update_components` BEGIN UPDATE `data_version` SET `version` = `version` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `incident_update_components_update_bump_version` AFTER UPDATE ON `incident_update_components` BEGIN UPDATE `data_version` SET `version` = `version` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `incident_update_components_delete_bump_version` AFTER DELETE ON `incident_update_components` BEGIN UPDATE `data_version` SET `version` = `version` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `incident_components_insert_bump_version` AFTER INSERT ON `incident_components` BEGIN UPDATE `data_version` SET `version` = `version` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `incident_components_update_bump_version` AFTER UPDATE ON `incident_components` BEGIN UPDATE `data_version` SET `version` = `version` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `incident_components_delete_bump_version` AFTER DELETE ON `incident_components` BEGIN UPDATE `data_version` SET `version` = `version` + 1 WHERE `id` = 1; END;
