CREATE TABLE `audit_log` (
	`id` integer PRIMARY KEY NOT NULL,
	`at` integer DEFAULT (CAST(unixepoch('subsec') * 1000 AS INTEGER)) NOT NULL,
	`actor_kind` text NOT NULL,
	`actor_id` integer,
	`action` text NOT NULL,
	`subject_kind` text NOT NULL,
	`subject_id` integer,
	`detail` text DEFAULT '{}' NOT NULL,
	CONSTRAINT "audit_log_actor_kind_valid" CHECK("audit_log"."actor_kind" IN ('coordinator', 'volunteer', 'system'))
);
--> statement-breakpoint
CREATE INDEX `audit_log_subject` ON `audit_log` (`subject_kind`,`subject_id`);--> statement-breakpoint
CREATE INDEX `audit_log_at` ON `audit_log` (`at`);--> statement-breakpoint
CREATE TABLE `campaigns` (
	`id` integer PRIMARY KEY NOT NULL,
	`school_id` integer NOT NULL,
	`slug` text NOT NULL,
	`name` text NOT NULL,
	`summary` text DEFAULT '' NOT NULL,
	`starts_at` integer NOT NULL,
	`claim_deadline` integer NOT NULL,
	`dropoff_deadline` integer NOT NULL,
	`dropoff_place` text NOT NULL,
	`value_guide` text NOT NULL,
	`claim_cap` integer DEFAULT 3 NOT NULL,
	`approve_within_days` integer DEFAULT 3 NOT NULL,
	`deliver_within_days` integer DEFAULT 14 NOT NULL,
	`created_at` integer DEFAULT (CAST(unixepoch('subsec') * 1000 AS INTEGER)) NOT NULL,
	FOREIGN KEY (`school_id`) REFERENCES `schools`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "campaigns_dates_ordered" CHECK("campaigns"."starts_at" < "campaigns"."claim_deadline" AND "campaigns"."claim_deadline" <= "campaigns"."dropoff_deadline"),
	CONSTRAINT "campaigns_claim_cap_range" CHECK("campaigns"."claim_cap" BETWEEN 1 AND 20),
	CONSTRAINT "campaigns_days_range" CHECK("campaigns"."approve_within_days" BETWEEN 1 AND 60 AND "campaigns"."deliver_within_days" BETWEEN 1 AND 90)
);
--> statement-breakpoint
CREATE UNIQUE INDEX `campaigns_slug_unique` ON `campaigns` (`slug`);--> statement-breakpoint
CREATE TABLE `card_private` (
	`card_id` integer PRIMARY KEY NOT NULL,
	`campaign_id` integer NOT NULL,
	`handout_ref` text NOT NULL,
	`consent_on` text,
	`consent_method` text,
	`notes` text DEFAULT '' NOT NULL,
	FOREIGN KEY (`card_id`) REFERENCES `cards`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`campaign_id`) REFERENCES `campaigns`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "card_private_consent_method_valid" CHECK("card_private"."consent_method" IS NULL OR "card_private"."consent_method" IN ('paper', 'phone')),
	CONSTRAINT "card_private_consent_complete" CHECK(("card_private"."consent_on" IS NULL) = ("card_private"."consent_method" IS NULL)),
	CONSTRAINT "card_private_consent_date_shape" CHECK("card_private"."consent_on" IS NULL OR "card_private"."consent_on" GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]')
);
--> statement-breakpoint
CREATE UNIQUE INDEX `card_private_one_per_handout` ON `card_private` (`campaign_id`,`handout_ref`);--> statement-breakpoint
CREATE TABLE `cards` (
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
	CONSTRAINT "cards_status_valid" CHECK("cards"."status" IN ('draft', 'open', 'claimed', 'fulfilled', 'withdrawn')),
	CONSTRAINT "cards_category_valid" CHECK("cards"."category" IN ('stationery', 'books', 'clothing', 'sports', 'companionship', 'other')),
	CONSTRAINT "cards_grade_band_valid" CHECK("cards"."grade_band" IN ('preschool', 'lower_primary', 'middle_primary', 'upper_primary', 'junior_high')),
	CONSTRAINT "cards_age_range" CHECK("cards"."age" BETWEEN 3 AND 16),
	CONSTRAINT "cards_text_lengths" CHECK(length("cards"."alias") BETWEEN 1 AND 12 AND length("cards"."wish") BETWEEN 1 AND 300 AND length("cards"."code") BETWEEN 4 AND 12),
	CONSTRAINT "cards_public_only_reviewed" CHECK("cards"."status" = 'draft' OR "cards"."reviewed_at" IS NOT NULL)
);
--> statement-breakpoint
CREATE UNIQUE INDEX `cards_code_unique` ON `cards` (`code`);--> statement-breakpoint
CREATE INDEX `cards_campaign_status` ON `cards` (`campaign_id`,`status`);--> statement-breakpoint
CREATE TABLE `claims` (
	`id` integer PRIMARY KEY NOT NULL,
	`card_id` integer NOT NULL,
	`volunteer_id` integer NOT NULL,
	`status` text DEFAULT 'pending' NOT NULL,
	`created_at` integer DEFAULT (CAST(unixepoch('subsec') * 1000 AS INTEGER)) NOT NULL,
	`approved_at` integer,
	`delivered_at` integer,
	`received_at` integer,
	`ended_at` integer,
	`reject_reason` text,
	`decided_by` integer,
	FOREIGN KEY (`card_id`) REFERENCES `cards`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`volunteer_id`) REFERENCES `volunteers`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`decided_by`) REFERENCES `coordinators`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "claims_status_valid" CHECK("claims"."status" IN ('pending', 'approved', 'delivered', 'received', 'rejected', 'cancelled', 'expired'))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `claims_one_holding_per_card` ON `claims` (`card_id`) WHERE status IN ('pending', 'approved', 'delivered', 'received');--> statement-breakpoint
CREATE INDEX `claims_volunteer_status` ON `claims` (`volunteer_id`,`status`);--> statement-breakpoint
CREATE INDEX `claims_status_created` ON `claims` (`status`,`created_at`);--> statement-breakpoint
CREATE TABLE `coordinator_sessions` (
	`id` integer PRIMARY KEY NOT NULL,
	`token_hash` text NOT NULL,
	`coordinator_id` integer NOT NULL,
	`csrf_token` text NOT NULL,
	`created_at` integer DEFAULT (CAST(unixepoch('subsec') * 1000 AS INTEGER)) NOT NULL,
	`last_seen_at` integer NOT NULL,
	`expires_at` integer NOT NULL,
	FOREIGN KEY (`coordinator_id`) REFERENCES `coordinators`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `coordinator_sessions_token_hash_unique` ON `coordinator_sessions` (`token_hash`);--> statement-breakpoint
CREATE INDEX `coordinator_sessions_coordinator` ON `coordinator_sessions` (`coordinator_id`);--> statement-breakpoint
CREATE TABLE `coordinators` (
	`id` integer PRIMARY KEY NOT NULL,
	`username` text NOT NULL,
	`display_name` text NOT NULL,
	`password_hash` text NOT NULL,
	`password_salt` text NOT NULL,
	`password_iterations` integer NOT NULL,
	`disabled_at` integer,
	`created_at` integer DEFAULT (CAST(unixepoch('subsec') * 1000 AS INTEGER)) NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `coordinators_username_unique` ON `coordinators` (`username`);--> statement-breakpoint
CREATE TABLE `login_throttle` (
	`key` text PRIMARY KEY NOT NULL,
	`failures` integer DEFAULT 0 NOT NULL,
	`window_started_at` integer NOT NULL,
	`locked_until` integer
);
--> statement-breakpoint
CREATE TABLE `rate_counters` (
	`key` text PRIMARY KEY NOT NULL,
	`window_started_at` integer NOT NULL,
	`count` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `schools` (
	`id` integer PRIMARY KEY NOT NULL,
	`slug` text NOT NULL,
	`name` text NOT NULL,
	`town` text NOT NULL,
	`address` text NOT NULL,
	`office_phone` text NOT NULL,
	`village_names` text DEFAULT '[]' NOT NULL,
	`created_at` integer DEFAULT (CAST(unixepoch('subsec') * 1000 AS INTEGER)) NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `schools_slug_unique` ON `schools` (`slug`);--> statement-breakpoint
CREATE TABLE `signup_repeats` (
	`id` integer PRIMARY KEY NOT NULL,
	`volunteer_id` integer NOT NULL,
	`token_hash` text NOT NULL,
	`created_at` integer DEFAULT (CAST(unixepoch('subsec') * 1000 AS INTEGER)) NOT NULL,
	FOREIGN KEY (`volunteer_id`) REFERENCES `volunteers`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `signup_repeats_token_hash_unique` ON `signup_repeats` (`token_hash`);--> statement-breakpoint
CREATE INDEX `signup_repeats_volunteer` ON `signup_repeats` (`volunteer_id`);--> statement-breakpoint
CREATE TABLE `volunteers` (
	`id` integer PRIMARY KEY NOT NULL,
	`name` text,
	`mobile` text,
	`email` text,
	`town` text,
	`help_types` text DEFAULT '[]' NOT NULL,
	`availability` text DEFAULT '' NOT NULL,
	`note` text DEFAULT '' NOT NULL,
	`status` text DEFAULT 'pending' NOT NULL,
	`reject_reason` text,
	`agreed_code_version` text NOT NULL,
	`agreed_privacy_version` text NOT NULL,
	`agreed_at` integer NOT NULL,
	`access_token_hash` text,
	`last_active_at` integer DEFAULT (CAST(unixepoch('subsec') * 1000 AS INTEGER)) NOT NULL,
	`decided_at` integer,
	`decided_by` integer,
	`erased_at` integer,
	`created_at` integer DEFAULT (CAST(unixepoch('subsec') * 1000 AS INTEGER)) NOT NULL,
	FOREIGN KEY (`decided_by`) REFERENCES `coordinators`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "volunteers_status_valid" CHECK("volunteers"."status" IN ('pending', 'approved', 'rejected')),
	CONSTRAINT "volunteers_erased_empty" CHECK("volunteers"."erased_at" IS NULL OR ("volunteers"."name" IS NULL AND "volunteers"."mobile" IS NULL AND "volunteers"."email" IS NULL AND "volunteers"."note" = '')),
	CONSTRAINT "volunteers_live_has_contact" CHECK("volunteers"."erased_at" IS NOT NULL OR ("volunteers"."name" IS NOT NULL AND "volunteers"."mobile" IS NOT NULL))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `volunteers_mobile_unique` ON `volunteers` (`mobile`);--> statement-breakpoint
CREATE UNIQUE INDEX `volunteers_access_token_hash_unique` ON `volunteers` (`access_token_hash`);--> statement-breakpoint
CREATE INDEX `volunteers_status` ON `volunteers` (`status`);