-- Campaigns over the years (issue 17). Hand-finished from drizzle-kit's output; checked on a copy of the demo data.
-- 1. cards gets the status school_fulfilled. SQLite cannot alter a CHECK, so cards is rebuilt as in 0001: foreign keys are
-- deferred to the end, and card_private and card_privacy_dismissals, whose rows the DROP would cascade away, are kept aside.
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
	CONSTRAINT "cards_status_valid" CHECK("__new_cards"."status" IN ('draft', 'open', 'claimed', 'fulfilled', 'school_fulfilled', 'withdrawn')),
	CONSTRAINT "cards_category_valid" CHECK("__new_cards"."category" IN ('stationery', 'books', 'clothing', 'sports', 'companionship', 'other')),
	CONSTRAINT "cards_grade_band_valid" CHECK("__new_cards"."grade_band" IN ('preschool', 'lower_primary', 'middle_primary', 'upper_primary', 'junior_high')),
	CONSTRAINT "cards_age_range" CHECK("__new_cards"."age" BETWEEN 3 AND 16),
	CONSTRAINT "cards_text_lengths" CHECK(length("__new_cards"."alias") BETWEEN 1 AND 12 AND length("__new_cards"."wish") BETWEEN 1 AND 300 AND length("__new_cards"."code") BETWEEN 4 AND 12),
	CONSTRAINT "cards_public_only_reviewed" CHECK("__new_cards"."status" IN ('draft', 'withdrawn') OR "__new_cards"."reviewed_at" IS NOT NULL)
);
--> statement-breakpoint
INSERT INTO `__new_cards`("id", "campaign_id", "code", "alias", "age", "grade_band", "category", "wish", "size_note", "status", "reviewed_at", "reviewed_by", "published_at", "withdrawn_reason", "created_at", "updated_at") SELECT "id", "campaign_id", "code", "alias", "age", "grade_band", "category", "wish", "size_note", "status", "reviewed_at", "reviewed_by", "published_at", "withdrawn_reason", "created_at", "updated_at" FROM `cards`;;--> statement-breakpoint
CREATE TABLE `__keep_card_private` AS SELECT * FROM `card_private`;--> statement-breakpoint
CREATE TABLE `__keep_card_privacy_dismissals` AS SELECT * FROM `card_privacy_dismissals`;--> statement-breakpoint
DROP TABLE `cards`;--> statement-breakpoint
ALTER TABLE `__new_cards` RENAME TO `cards`;--> statement-breakpoint
INSERT INTO `card_private` SELECT * FROM `__keep_card_private`;--> statement-breakpoint
INSERT INTO `card_privacy_dismissals` SELECT * FROM `__keep_card_privacy_dismissals`;--> statement-breakpoint
DROP TABLE `__keep_card_private`;--> statement-breakpoint
DROP TABLE `__keep_card_privacy_dismissals`;--> statement-breakpoint
PRAGMA defer_foreign_keys = off;--> statement-breakpoint
CREATE UNIQUE INDEX `cards_code_unique` ON `cards` (`code`);--> statement-breakpoint
CREATE INDEX `cards_campaign_status` ON `cards` (`campaign_id`,`status`);--> statement-breakpoint
ALTER TABLE `card_private` ADD `changes_asked` text;--> statement-breakpoint
-- 2. A campaign's life. Added column by column (the CHECK rides on the column) rather than rebuilding a table half the schema points at.
ALTER TABLE `campaigns` ADD `status` text DEFAULT 'prepared' NOT NULL CONSTRAINT "campaigns_status_valid" CHECK("status" IN ('prepared', 'open', 'closed', 'archived'));--> statement-breakpoint
ALTER TABLE `campaigns` ADD `opened_at` integer;--> statement-breakpoint
ALTER TABLE `campaigns` ADD `closed_at` integer;--> statement-breakpoint
ALTER TABLE `campaigns` ADD `archived_at` integer;--> statement-breakpoint
ALTER TABLE `campaigns` ADD `thank_you` text DEFAULT '' NOT NULL CONSTRAINT "campaigns_thank_you_length" CHECK(length("thank_you") <= 500);--> statement-breakpoint
-- The campaign each school's wall showed until now (the latest started, or the earliest before any started) is open,
-- unless its claim deadline has passed (then it is closed, like the earlier ones); later ones are prepared.
UPDATE `campaigns` SET `status` = 'closed', `closed_at` = `claim_deadline` WHERE `starts_at` <= CAST(unixepoch('subsec') * 1000 AS INTEGER);--> statement-breakpoint
UPDATE `campaigns` SET `status` = 'open', `closed_at` = NULL, `opened_at` = `starts_at` WHERE `id` IN (
  SELECT coalesce(
    (SELECT id FROM `campaigns` c WHERE c.school_id = s.id AND c.starts_at <= CAST(unixepoch('subsec') * 1000 AS INTEGER) ORDER BY c.starts_at DESC LIMIT 1),
    (SELECT id FROM `campaigns` c WHERE c.school_id = s.id ORDER BY c.starts_at ASC LIMIT 1))
  FROM `schools` s) AND `claim_deadline` > CAST(unixepoch('subsec') * 1000 AS INTEGER);--> statement-breakpoint
CREATE UNIQUE INDEX `campaigns_one_open_per_school` ON `campaigns` (`school_id`) WHERE "campaigns"."status" = 'open';--> statement-breakpoint
-- 3. An archived campaign is read-only with its cards, their private records and claims: the database refuses the write
-- (domain code refuses first, with a message; these are the backstop). The thank-you stays editable, and a card that
-- never reached the record (a withdrawn card) may still be deleted, so a retention job can remove its words.
-- NOTE: rebuilding cards, card_private, claims or campaigns in a later migration drops these triggers: recreate them.
CREATE TRIGGER `campaigns_archived_read_only` BEFORE UPDATE OF `school_id`, `slug`, `name`, `summary`, `starts_at`, `claim_deadline`, `dropoff_deadline`, `dropoff_place`, `value_guide`, `claim_cap`, `approve_within_days`, `deliver_within_days`, `status`, `opened_at`, `closed_at`, `archived_at` ON `campaigns`
  WHEN OLD.`status` = 'archived' BEGIN SELECT RAISE(ABORT, 'campaign_archived'); END;--> statement-breakpoint
CREATE TRIGGER `cards_archived_no_insert` BEFORE INSERT ON `cards`
  WHEN (SELECT `status` FROM `campaigns` WHERE `id` = NEW.`campaign_id`) = 'archived' BEGIN SELECT RAISE(ABORT, 'campaign_archived'); END;--> statement-breakpoint
CREATE TRIGGER `cards_archived_read_only` BEFORE UPDATE ON `cards`
  WHEN (SELECT `status` FROM `campaigns` WHERE `id` = OLD.`campaign_id`) = 'archived' BEGIN SELECT RAISE(ABORT, 'campaign_archived'); END;--> statement-breakpoint
CREATE TRIGGER `cards_archived_no_delete` BEFORE DELETE ON `cards`
  WHEN (SELECT `status` FROM `campaigns` WHERE `id` = OLD.`campaign_id`) = 'archived' AND OLD.`status` NOT IN ('draft', 'withdrawn') BEGIN SELECT RAISE(ABORT, 'campaign_archived'); END;--> statement-breakpoint
CREATE TRIGGER `card_private_archived_read_only` BEFORE UPDATE ON `card_private`
  WHEN (SELECT `status` FROM `campaigns` WHERE `id` = OLD.`campaign_id`) = 'archived' BEGIN SELECT RAISE(ABORT, 'campaign_archived'); END;--> statement-breakpoint
CREATE TRIGGER `card_private_archived_no_delete` BEFORE DELETE ON `card_private`
  WHEN (SELECT `status` FROM `campaigns` WHERE `id` = OLD.`campaign_id`) = 'archived'
    AND (SELECT `status` FROM `cards` WHERE `id` = OLD.`card_id`) NOT IN ('draft', 'withdrawn') BEGIN SELECT RAISE(ABORT, 'campaign_archived'); END;--> statement-breakpoint
CREATE TRIGGER `claims_archived_no_insert` BEFORE INSERT ON `claims`
  WHEN (SELECT cp.`status` FROM `cards` c JOIN `campaigns` cp ON cp.`id` = c.`campaign_id` WHERE c.`id` = NEW.`card_id`) = 'archived' BEGIN SELECT RAISE(ABORT, 'campaign_archived'); END;--> statement-breakpoint
CREATE TRIGGER `claims_archived_read_only` BEFORE UPDATE ON `claims`
  WHEN (SELECT cp.`status` FROM `cards` c JOIN `campaigns` cp ON cp.`id` = c.`campaign_id` WHERE c.`id` = OLD.`card_id`) = 'archived' BEGIN SELECT RAISE(ABORT, 'campaign_archived'); END;
