CREATE TABLE `pairing_children` (
	`id` integer PRIMARY KEY NOT NULL,
	`school_id` integer NOT NULL,
	`register_ref` text,
	`alias` text NOT NULL,
	`grade_band` text NOT NULL,
	`anonymised_at` integer,
	`created_at` integer DEFAULT (CAST(unixepoch('subsec') * 1000 AS INTEGER)) NOT NULL,
	FOREIGN KEY (`school_id`) REFERENCES `schools`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "pairing_children_grade_band_valid" CHECK("pairing_children"."grade_band" IN ('preschool', 'lower_primary', 'middle_primary', 'upper_primary', 'junior_high')),
	CONSTRAINT "pairing_children_lengths" CHECK(length("pairing_children"."alias") BETWEEN 1 AND 12 AND ("pairing_children"."register_ref" IS NULL OR length("pairing_children"."register_ref") BETWEEN 1 AND 40)),
	CONSTRAINT "pairing_children_ref_until_anonymised" CHECK(("pairing_children"."register_ref" IS NULL) = ("pairing_children"."anonymised_at" IS NOT NULL))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `pairing_children_one_per_ref` ON `pairing_children` (`school_id`,`register_ref`);--> statement-breakpoint
CREATE TABLE `pairing_contacts` (
	`id` integer PRIMARY KEY NOT NULL,
	`pairing_id` integer NOT NULL,
	`on` text NOT NULL,
	`kind` text NOT NULL,
	`minutes` integer NOT NULL,
	`escort` text,
	`call_me` integer DEFAULT false NOT NULL,
	`call_handled_at` integer,
	`recorded_by_kind` text NOT NULL,
	`recorded_by_id` integer,
	`created_at` integer DEFAULT (CAST(unixepoch('subsec') * 1000 AS INTEGER)) NOT NULL,
	`corrected_at` integer,
	FOREIGN KEY (`pairing_id`) REFERENCES `pairings`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "pairing_contacts_kind_valid" CHECK("pairing_contacts"."kind" IN ('talk', 'family_call', 'home_visit', 'activity', 'warmth')),
	CONSTRAINT "pairing_contacts_escort_valid" CHECK("pairing_contacts"."escort" IS NULL OR "pairing_contacts"."escort" IN ('teacher', 'village_cadre')),
	CONSTRAINT "pairing_contacts_home_visit_escorted" CHECK(("pairing_contacts"."kind" = 'home_visit') = ("pairing_contacts"."escort" IS NOT NULL)),
	CONSTRAINT "pairing_contacts_minutes_range" CHECK("pairing_contacts"."minutes" BETWEEN 1 AND 600),
	CONSTRAINT "pairing_contacts_on_shape" CHECK("pairing_contacts"."on" GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
	CONSTRAINT "pairing_contacts_recorder_valid" CHECK("pairing_contacts"."recorded_by_kind" IN ('coordinator', 'volunteer'))
);
--> statement-breakpoint
CREATE INDEX `pairing_contacts_pairing_on` ON `pairing_contacts` (`pairing_id`,`on`);--> statement-breakpoint
CREATE INDEX `pairing_contacts_call_me` ON `pairing_contacts` (`call_me`,`call_handled_at`);--> statement-breakpoint
CREATE TABLE `pairings` (
	`id` integer PRIMARY KEY NOT NULL,
	`volunteer_id` integer NOT NULL,
	`kind` text NOT NULL,
	`status` text DEFAULT 'offered' NOT NULL,
	`preferred_grade_band` text,
	`frequency` text NOT NULL,
	`agreed_conduct_version` text NOT NULL,
	`offered_at` integer NOT NULL,
	`child_id` integer,
	`proposed_at` integer,
	`proposed_by` integer,
	`consent_on` text,
	`consent_method` text,
	`record_checked_on` text,
	`record_checked_by` integer,
	`activated_at` integer,
	`suspended_at` integer,
	`ended_at` integer,
	`end_reason` text,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`volunteer_id`) REFERENCES `volunteers`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`child_id`) REFERENCES `pairing_children`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`proposed_by`) REFERENCES `coordinators`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`record_checked_by`) REFERENCES `coordinators`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "pairings_kind_valid" CHECK("pairings"."kind" IN ('proxy_parent', 'mentor')),
	CONSTRAINT "pairings_status_valid" CHECK("pairings"."status" IN ('offered', 'proposed', 'active', 'suspended', 'ended', 'withdrawn')),
	CONSTRAINT "pairings_frequency_valid" CHECK("pairings"."frequency" IN ('weekly', 'fortnightly', 'monthly', 'termly')),
	CONSTRAINT "pairings_grade_band_valid" CHECK("pairings"."preferred_grade_band" IS NULL OR "pairings"."preferred_grade_band" IN ('preschool', 'lower_primary', 'middle_primary', 'upper_primary', 'junior_high')),
	CONSTRAINT "pairings_consent_method_valid" CHECK("pairings"."consent_method" IS NULL OR "pairings"."consent_method" IN ('paper', 'phone')),
	CONSTRAINT "pairings_end_reason_valid" CHECK("pairings"."end_reason" IS NULL OR "pairings"."end_reason" IN ('term_over', 'volunteer_moved', 'guardian_withdrew', 'safeguarding_concern', 'volunteer_erased')),
	CONSTRAINT "pairings_dates_shape" CHECK(("pairings"."consent_on" IS NULL OR "pairings"."consent_on" GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]') AND ("pairings"."record_checked_on" IS NULL OR "pairings"."record_checked_on" GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]')),
	CONSTRAINT "pairings_consent_complete" CHECK(("pairings"."consent_on" IS NULL) = ("pairings"."consent_method" IS NULL)),
	CONSTRAINT "pairings_check_complete" CHECK(("pairings"."record_checked_on" IS NULL) = ("pairings"."record_checked_by" IS NULL)),
	CONSTRAINT "pairings_child_once_proposed" CHECK(("pairings"."status" IN ('offered', 'withdrawn')) OR "pairings"."child_id" IS NOT NULL),
	CONSTRAINT "pairings_safeguards_before_active" CHECK("pairings"."status" NOT IN ('active', 'suspended') OR ("pairings"."consent_on" IS NOT NULL AND "pairings"."record_checked_on" IS NOT NULL AND "pairings"."activated_at" IS NOT NULL)),
	CONSTRAINT "pairings_end_has_reason" CHECK(("pairings"."status" = 'ended') = ("pairings"."end_reason" IS NOT NULL))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `pairings_one_holding_per_child_kind` ON `pairings` (`child_id`,`kind`) WHERE status IN ('active', 'suspended');--> statement-breakpoint
CREATE UNIQUE INDEX `pairings_one_open_offer` ON `pairings` (`volunteer_id`,`kind`) WHERE status IN ('offered', 'proposed');--> statement-breakpoint
CREATE INDEX `pairings_volunteer_status` ON `pairings` (`volunteer_id`,`status`);--> statement-breakpoint
CREATE INDEX `pairings_status` ON `pairings` (`status`);--> statement-breakpoint
ALTER TABLE `schools` ADD `pairing_cap` integer DEFAULT 2 NOT NULL;