import * as v from 'valibot';
import { printable, wholeCharacters } from '#worker/platform/input/text-rules.ts';

/** A coordinator's login: one schema for the console form and POST /api/admin/login. */
export const LoginSchema = v.object({
  username: v.pipe(v.string('请填写用户名'), v.trim(), v.toLowerCase(), v.nonEmpty('请填写用户名'), v.maxLength(64, '用户名不超过 64 个字符'), printable('用户名里有不能识别的字符')),
  password: v.pipe(v.string('请填写密码'), v.nonEmpty('请填写密码'), v.maxLength(200, '密码不超过 200 个字符'), wholeCharacters()),
});
export type LoginInput = v.InferOutput<typeof LoginSchema>;

/** Usernames a coordinator can be given: lower-case letters, digits, dot, dash, underscore. */
export const UsernameSchema = v.pipe(
  v.string(),
  v.trim(),
  v.toLowerCase(),
  v.regex(/^[a-z0-9][a-z0-9._-]{1,31}$/, '用户名用 2 到 32 位小写字母、数字、点、横线或下划线'),
);

/** New passwords: long passphrases beat complexity rules (NIST SP 800-63B). */
export const NewPasswordSchema = v.pipe(v.string(), v.minLength(12, '密码至少 12 个字符，可以用一句好记的话'), v.maxLength(200, '密码不超过 200 个字符'), wholeCharacters());
