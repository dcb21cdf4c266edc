/**
 * The fixed words of the programme: the values the database accepts and the
 * Chinese labels pages show for them. Schema checks, valibot schemas and pages
 * all read from here so a new value is added in one place.
 */

export const CARD_CATEGORIES = ['stationery', 'books', 'clothing', 'sports', 'companionship', 'other'] as const;
export type CardCategory = (typeof CARD_CATEGORIES)[number];
export const CARD_CATEGORY_LABELS: Record<CardCategory, string> = {
  stationery: '学习用品',
  books: '图书',
  clothing: '衣物',
  sports: '体育用品',
  companionship: '陪伴/心愿活动',
  other: '其他',
};

export const GRADE_BANDS = ['preschool', 'lower_primary', 'middle_primary', 'upper_primary', 'junior_high'] as const;
export type GradeBand = (typeof GRADE_BANDS)[number];
export const GRADE_BAND_LABELS: Record<GradeBand, string> = {
  preschool: '学前',
  lower_primary: '小学一二年级',
  middle_primary: '小学三四年级',
  upper_primary: '小学五六年级',
  junior_high: '初中',
};

/** A card's ages: children aged 5 to 14 write the wish cards; the bounds leave room either side. */
export const CARD_MIN_AGE = 3;
export const CARD_MAX_AGE = 16;

/** `school_fulfilled`: nobody's gift came by the deadline, so the school's fund or a donated bundle fulfilled the wish. */
export const CARD_STATUSES = ['draft', 'open', 'claimed', 'fulfilled', 'school_fulfilled', 'withdrawn'] as const;
export type CardStatus = (typeof CARD_STATUSES)[number];
export const CARD_STATUS_LABELS: Record<CardStatus, string> = {
  draft: '草稿',
  open: '待认领',
  claimed: '已认领',
  fulfilled: '已圆梦',
  school_fulfilled: '学校兜底圆梦',
  withdrawn: '已撤下',
};

/**
 * A campaign's life: prepared (cards typed in, not on the wall), open (on the wall; the only one of
 * its school that takes claims), closed (no new claims; gifts still arrive, leftovers go to the
 * school), archived (read-only for good, its public record stays).
 */
export const CAMPAIGN_STATUSES = ['prepared', 'open', 'closed', 'archived'] as const;
export type CampaignStatus = (typeof CAMPAIGN_STATUSES)[number];
export const CAMPAIGN_STATUS_LABELS: Record<CampaignStatus, string> = {
  prepared: '准备中',
  open: '进行中',
  closed: '已结束',
  archived: '已归档',
};

export const CLAIM_STATUSES = ['pending', 'approved', 'delivered', 'received', 'rejected', 'cancelled', 'expired'] as const;
export type ClaimStatus = (typeof CLAIM_STATUSES)[number];
/** Claims that hold their card: at most one per card, enforced by a partial unique index. */
export const CLAIM_HOLDING_STATUSES = ['pending', 'approved', 'delivered', 'received'] as const satisfies readonly ClaimStatus[];
/** Claims still in progress: these count towards a volunteer's cap. */
export const CLAIM_LIVE_STATUSES = ['pending', 'approved', 'delivered'] as const satisfies readonly ClaimStatus[];
export const CLAIM_STATUS_LABELS: Record<ClaimStatus, string> = {
  pending: '待审核',
  approved: '已通过，待送达',
  delivered: '已送达，待确认',
  received: '学校已收到',
  rejected: '未通过',
  cancelled: '已取消',
  expired: '已过期',
};

/** The console's claim queues: what waits for a coordinator, in the order they work through it. */
export const CLAIM_QUEUES = ['to_approve', 'awaiting_dropoff', 'awaiting_confirmation', 'overdue', 'all'] as const;
export type ClaimQueue = (typeof CLAIM_QUEUES)[number];
export const CLAIM_QUEUE_LABELS: Record<ClaimQueue, string> = {
  to_approve: '待批准的认领',
  awaiting_dropoff: '等待送到学校的礼物',
  awaiting_confirmation: '已送达、待确认收到',
  overdue: '已超期',
  all: '全部认领',
};

export const VOLUNTEER_STATUSES = ['pending', 'approved', 'rejected'] as const;
export type VolunteerStatus = (typeof VOLUNTEER_STATUSES)[number];
export const VOLUNTEER_STATUS_LABELS: Record<VolunteerStatus, string> = {
  pending: '待审核',
  approved: '已通过',
  rejected: '未通过',
};

export const HELP_TYPES = ['wish_cards', 'pairing', 'tutoring', 'events'] as const;
export type HelpType = (typeof HELP_TYPES)[number];
export const HELP_TYPE_LABELS: Record<HelpType, string> = {
  wish_cards: '认领心愿卡',
  pairing: '代理家长／一对一结对',
  tutoring: '辅导功课或兴趣课',
  events: '活动帮忙',
};

export const CONSENT_METHODS = ['paper', 'phone'] as const;
export type ConsentMethod = (typeof CONSENT_METHODS)[number];
export const CONSENT_METHOD_LABELS: Record<ConsentMethod, string> = {
  paper: '纸质回执',
  phone: '电话确认',
};

export const ACTOR_KINDS = ['coordinator', 'volunteer', 'system'] as const;
export type ActorKind = (typeof ACTOR_KINDS)[number];

/** Every action the audit log records, the command line's (scripts/coordinator.ts) included. */
export const AUDIT_ACTIONS = [
  'login',
  'login.failed',
  'logout',
  'card.create',
  'card.edit',
  'card.review',
  'card.publish',
  'card.withdraw',
  'card.import',
  'card.privacy_dismiss',
  'card.privacy_recheck',
  'card.ask_changes',
  'card.school_fulfil',
  'campaign.edit',
  'campaign.create',
  'campaign.open',
  'campaign.close',
  'campaign.archive',
  'claim.create',
  'claim.approve',
  'claim.reject',
  'claim.cancel',
  'claim.deliver',
  'claim.receive',
  'claim.expire',
  'volunteer.signup',
  'volunteer.signup_repeat',
  'volunteer.approve',
  'volunteer.reject',
  'volunteer.new_link',
  'volunteer.erase',
  'volunteer.retention_erase',
  'pairing_child.create',
  'pairing_child.edit',
  'pairing.offer',
  'pairing.withdraw',
  'pairing.propose',
  'pairing.safeguards',
  'pairing.activate',
  'pairing.suspend',
  'pairing.resume',
  'pairing.end',
  'contact.log',
  'contact.correct',
  'contact.flag_handled',
  'pairing.settings',
  'coordinator.created',
  'coordinator.password_reset',
  'coordinator.disabled',
  'export',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];
export const AUDIT_ACTION_LABELS: Record<AuditAction, string> = {
  login: '登录',
  'login.failed': '登录失败',
  logout: '退出登录',
  'card.create': '新建心愿卡',
  'card.edit': '修改心愿卡',
  'card.review': '审核心愿卡措辞',
  'card.publish': '发布心愿卡',
  'card.withdraw': '撤下心愿卡',
  'card.import': '导入心愿卡',
  'card.privacy_dismiss': '标记“不是个人信息”',
  'card.privacy_recheck': '隐私复查后退回草稿',
  'card.ask_changes': '审核：心愿需要修改',
  'card.school_fulfil': '由学校兜底圆梦',
  'campaign.edit': '修改活动设置',
  'campaign.create': '新建活动',
  'campaign.open': '开始活动',
  'campaign.close': '结束活动',
  'campaign.archive': '归档活动',
  'claim.create': '认领心愿卡',
  'claim.approve': '批准认领',
  'claim.reject': '不批准认领',
  'claim.cancel': '取消认领',
  'claim.deliver': '礼物已送到学校',
  'claim.receive': '确认收到礼物',
  'claim.expire': '认领超期失效',
  'volunteer.signup': '志愿者报名',
  'volunteer.signup_repeat': '重复报名',
  'volunteer.approve': '通过志愿者报名',
  'volunteer.reject': '不通过志愿者报名',
  'volunteer.new_link': '发新的专属链接',
  'volunteer.erase': '删除志愿者个人信息',
  'volunteer.retention_erase': '到期删除志愿者个人信息',
  'pairing_child.create': '登记结对的孩子',
  'pairing_child.edit': '修改结对孩子的记录',
  'pairing.offer': '报名结对',
  'pairing.withdraw': '撤回结对报名',
  'pairing.propose': '为结对匹配孩子',
  'pairing.safeguards': '记录结对前的核查',
  'pairing.activate': '结对开始',
  'pairing.suspend': '暂停结对',
  'pairing.resume': '恢复结对',
  'pairing.end': '结束结对',
  'contact.log': '记录一次联系',
  'contact.correct': '更正联系记录',
  'contact.flag_handled': '已回电志愿者',
  'pairing.settings': '修改结对设置',
  'coordinator.created': '新建协调员账号',
  'coordinator.password_reset': '重设协调员密码',
  'coordinator.disabled': '停用协调员账号',
  export: '导出数据',
};

/** What an audit row is about. */
export const AUDIT_SUBJECT_KINDS = ['card', 'campaign', 'coordinator', 'volunteer', 'claim', 'export', 'import', 'pairing', 'pairing_child', 'contact'] as const;
export type AuditSubjectKind = (typeof AUDIT_SUBJECT_KINDS)[number];
export const AUDIT_SUBJECT_KIND_LABELS: Record<AuditSubjectKind, string> = {
  card: '心愿卡',
  campaign: '活动',
  coordinator: '协调员',
  volunteer: '志愿者',
  claim: '认领',
  export: '导出',
  import: '导入',
  pairing: '结对',
  pairing_child: '结对的孩子',
  contact: '联系记录',
};

/** A card's public words, which the privacy gate reads before publishing. */
export const CARD_PUBLIC_TEXT_FIELDS = ['alias', 'wish', 'sizeNote'] as const;
export type CardPublicTextField = (typeof CARD_PUBLIC_TEXT_FIELDS)[number];
export const CARD_PUBLIC_TEXT_LABELS: Record<CardPublicTextField, string> = { alias: '称呼', wish: '心愿', sizeNote: '尺码说明' };

/** What the privacy gate finds. A real name typed at review is never stored, so it cannot be dismissed. */
export const PRIVACY_KINDS = [
  'full_name',
  'parent_name',
  'surname',
  'phone',
  'id_number',
  'account',
  'email_link',
  'address',
  'workplace',
  'school',
  'village',
  'class',
  'real_name',
] as const;
export type PrivacyKind = (typeof PRIVACY_KINDS)[number];
/**
 * What a coordinator may mark "不是个人信息": a word the gate read as a name or a
 * place. A number, an account or a link is never a false alarm worth keeping: it
 * is rewritten instead.
 */
export const MARKABLE_PRIVACY_KINDS = PRIVACY_KINDS.filter((k) => !['phone', 'id_number', 'account', 'email_link', 'real_name'].includes(k));

/**
 * Pairings (结对帮扶 / 代理家长): an adult who keeps showing up for one child. A volunteer offers,
 * a coordinator proposes a child, the pairing becomes active once every safeguard is recorded,
 * and ends with a reason. PRODUCT.md "Pairings".
 */
export const PAIRING_KINDS = ['proxy_parent', 'mentor'] as const;
export type PairingKind = (typeof PAIRING_KINDS)[number];
export const PAIRING_KIND_LABELS: Record<PairingKind, string> = {
  proxy_parent: '代理家长',
  mentor: '结对帮扶',
};

export const PAIRING_STATUSES = ['offered', 'proposed', 'active', 'suspended', 'ended', 'withdrawn'] as const;
export type PairingStatus = (typeof PAIRING_STATUSES)[number];
/** Pairings that hold their child for their kind: at most one per child and kind, by a partial unique index. */
export const PAIRING_HOLDING_STATUSES = ['active', 'suspended'] as const satisfies readonly PairingStatus[];
/** An offer still waiting for, or matched to, a child: at most one per volunteer and kind. */
export const PAIRING_OPEN_STATUSES = ['offered', 'proposed'] as const satisfies readonly PairingStatus[];
export const PAIRING_STATUS_LABELS: Record<PairingStatus, string> = {
  offered: '报名结对，等待匹配',
  proposed: '已匹配，等待开始',
  active: '进行中',
  suspended: '已暂停',
  ended: '已结束',
  withdrawn: '已撤回',
};

export const PAIRING_END_REASONS = ['term_over', 'volunteer_moved', 'guardian_withdrew', 'safeguarding_concern', 'volunteer_erased'] as const;
export type PairingEndReason = (typeof PAIRING_END_REASONS)[number];
export const PAIRING_END_REASON_LABELS: Record<PairingEndReason, string> = {
  term_over: '学期结束',
  volunteer_moved: '志愿者搬走了',
  guardian_withdrew: '监护人不再同意',
  safeguarding_concern: '出于保护孩子的考虑',
  volunteer_erased: '志愿者的信息已删除',
};

/** How often a volunteer can come, as they offer. */
export const PAIRING_FREQUENCIES = ['weekly', 'fortnightly', 'monthly', 'termly'] as const;
export type PairingFrequency = (typeof PAIRING_FREQUENCIES)[number];
export const PAIRING_FREQUENCY_LABELS: Record<PairingFrequency, string> = {
  weekly: '每周',
  fortnightly: '每两周',
  monthly: '每月',
  termly: '每学期几次',
};

/** What a contact was. No free text about the child, ever: the log is kinds, dates and minutes. */
export const CONTACT_KINDS = ['talk', 'family_call', 'home_visit', 'activity', 'warmth'] as const;
export type ContactKind = (typeof CONTACT_KINDS)[number];
export const CONTACT_KIND_LABELS: Record<ContactKind, string> = {
  talk: '在学校谈心',
  family_call: '和监护人或父母通电话',
  home_visit: '家访（有人陪同）',
  activity: '一起参加活动',
  warmth: '送温暖',
};

/** Who went along on a home visit, by role, never by name: home visits are never alone. */
export const ESCORT_ROLES = ['teacher', 'village_cadre'] as const;
export type EscortRole = (typeof ESCORT_ROLES)[number];
export const ESCORT_ROLE_LABELS: Record<EscortRole, string> = {
  teacher: '老师',
  village_cadre: '村干部',
};
