CREATE TABLE `card_privacy_dismissals` (
	`id` integer PRIMARY KEY NOT NULL,
	`card_id` integer NOT NULL,
	`field` text NOT NULL,
	`kind` text NOT NULL,
	`found` text NOT NULL,
	`reason` text NOT NULL,
	`decided_by` integer NOT NULL,
	`decided_at` integer NOT NULL,
	FOREIGN KEY (`card_id`) REFERENCES `cards`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`decided_by`) REFERENCES `coordinators`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "card_privacy_dismissals_field_valid" CHECK("card_privacy_dismissals"."field" IN ('alias', 'wish', 'sizeNote')),
	CONSTRAINT "card_privacy_dismissals_kind_valid" CHECK("card_privacy_dismissals"."kind" IN ('full_name', 'parent_name', 'surname', 'address', 'workplace', 'school', 'village', 'class')),
	CONSTRAINT "card_privacy_dismissals_lengths" CHECK(length("card_privacy_dismissals"."found") BETWEEN 1 AND 300 AND length("card_privacy_dismissals"."reason") BETWEEN 2 AND 200)
);
--> statement-breakpoint
CREATE UNIQUE INDEX `card_privacy_dismissals_one` ON `card_privacy_dismissals` (`card_id`,`field`,`kind`,`found`);--> statement-breakpoint
-- Rebuilding cards (SQLite cannot alter a CHECK): D1 keeps foreign keys on inside a migration, so the
-- dangling references from claims are deferred to the end, and card_private, whose rows the DROP would
-- cascade away, is kept aside and put back. Checked on a copy of the demo data (docs/decisions/010).
PRAGMA defer_foreign_keys = on;--> statement-breakpoint
CREATE TABLE `__new_cards` (
	`id` integer PRIMARY KEY NOT NULL,
	`campaign_id` integer NOT NULL,
	`code` text NOT NULL,
	`alias` text NOT NULL,
	`age` integer NOT NULL,
	`grade_band` text NOT NULL,
	`category` text NOT NULL,
	`wish` text NOT NULL,
	`size_note` text,
	`status` text DEFAULT 'draft' NOT NULL,
	`reviewed_at` integer,
	`reviewed_by` integer,
	`published_at` integer,
	`withdrawn_reason` text,
	`created_at` integer DEFAULT (CAST(unixepoch('subsec') * 1000 AS INTEGER)) NOT NULL,
	`updated_at` integer DEFAULT (CAST(unixepoch('subsec') * 1000 AS INTEGER)) NOT NULL,
	FOREIGN KEY (`campaign_id`) REFERENCES `campaigns`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`reviewed_by`) REFERENCES `coordinators`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "cards_status_valid" CHECK("__new_cards"."status" IN ('draft', 'open', 'claimed', 'fulfilled', 'withdrawn')),
	CONSTRAINT "cards_category_valid" CHECK("__new_cards"."category" IN ('stationery', 'books', 'clothing', 'sports', 'companionship', 'other')),
	CONSTRAINT "cards_grade_band_valid" CHECK("__new_cards"."grade_band" IN ('preschool', 'lower_primary', 'middle_primary', 'upper_primary', 'junior_high')),
	CONSTRAINT "cards_age_range" CHECK("__new_cards"."age" BETWEEN 3 AND 16),
	CONSTRAINT "cards_text_lengths" CHECK(length("__new_cards"."alias") BETWEEN 1 AND 12 AND length("__new_cards"."wish") BETWEEN 1 AND 300 AND length("__new_cards"."code") BETWEEN 4 AND 12),
	CONSTRAINT "cards_public_only_reviewed" CHECK("__new_cards"."status" IN ('draft', 'withdrawn') OR "__new_cards"."reviewed_at" IS NOT NULL)
);
--> statement-breakpoint
INSERT INTO `__new_cards`("id", "campaign_id", "code", "alias", "age", "grade_band", "category", "wish", "size_note", "status", "reviewed_at", "reviewed_by", "published_at", "withdrawn_reason", "created_at", "updated_at") SELECT "id", "campaign_id", "code", "alias", "age", "grade_band", "category", "wish", "size_note", "status", "reviewed_at", "reviewed_by", "published_at", "withdrawn_reason", "created_at", "updated_at" FROM `cards`;--> statement-breakpoint
CREATE TABLE `__keep_card_private` AS SELECT * FROM `card_private`;--> statement-breakpoint
DROP TABLE `cards`;--> statement-breakpoint
ALTER TABLE `__new_cards` RENAME TO `cards`;--> statement-breakpoint
INSERT INTO `card_private` SELECT * FROM `__keep_card_private`;--> statement-breakpoint
DROP TABLE `__keep_card_private`;--> statement-breakpoint
PRAGMA defer_foreign_keys = off;--> statement-breakpoint
CREATE UNIQUE INDEX `cards_code_unique` ON `cards` (`code`);--> statement-breakpoint
CREATE INDEX `cards_campaign_status` ON `cards` (`campaign_id`,`status`);