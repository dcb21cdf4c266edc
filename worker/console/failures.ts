/** Why a coordinator's sign-in is refused: each code's HTTP status and Chinese message, written once. */
import { failureTable } from '#worker/platform/failures.ts';

export const { table: CONSOLE_FAILURES, fail: consoleFailure } = failureTable({
  // The same answer for a wrong password and an unknown user.
  invalid_credentials: { status: 401, message: '用户名或密码不对，请再试一次。' },
  // The message says how many minutes to wait: composed where it fails.
  too_many_attempts: { status: 429, message: '尝试次数太多，请过一会儿再试。' },
  unauthenticated: { status: 401, message: '请先登录协调员后台' },
});
