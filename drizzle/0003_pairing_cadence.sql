ALTER TABLE `schools` ADD `pairing_plan` text DEFAULT '{}' NOT NULL;--> statement-breakpoint
ALTER TABLE `schools` ADD `terms` text DEFAULT '[]' NOT NULL;