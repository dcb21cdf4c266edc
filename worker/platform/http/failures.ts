/** The HTTP layer's own refusals, before any domain operation runs: status and message written once. */
import { failureTable } from '#worker/platform/failures.ts';

export const { table: HTTP_FAILURES, fail: httpFailure } = failureTable({
  cross_site: { status: 403, message: '拒绝来自其他网站的请求' },
  json_required: { status: 415, message: '请用 JSON 提交（Content-Type: application/json）' },
  invalid_input: { status: 400, message: '提交的内容有误，请按提示修改' },
  // Hono's own refusal of a body it cannot read.
  invalid_json: { status: 400, message: '请求的格式不对：请发送 JSON' },
  bad_request: { status: 400, message: '请求的格式不对：请发送 JSON' },
  not_found: { status: 404, message: '没有这个接口' },
});
