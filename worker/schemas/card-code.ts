import * as v from 'valibot';

/** Card codes use letters and digits that cannot be mistaken for each other (no 0/O, 1/I/L). */
export const CARD_CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';

export const CardCodeSchema = v.pipe(
  v.string('请填写心愿卡编号'),
  v.trim(),
  v.toUpperCase(),
  v.regex(/^[A-HJKMNP-Z2-9]{4,12}$/, '心愿卡编号由 4 到 12 位字母和数字组成，例如 K7M3Q'),
);

export const CardCodeParamsSchema = v.object({ code: CardCodeSchema });
