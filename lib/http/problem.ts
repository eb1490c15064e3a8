/**
 * What a refused JSON request answers (RFC 9457 problem details, written by lib/http/route-error.ts):
 * a message key in `title` and, for invalid input, a message key per field in `errors`.
 */
export interface Problem {
  title?: string;
  errors?: Record<string, string>;
}

/** A refused response's problem; an empty one when its body is not JSON (a proxy's error page, a cut connection). */
export async function readProblem(response: Response): Promise<Problem> {
  const body: unknown = await response.json().catch(() => null);
  return body && typeof body === "object" ? (body as Problem) : {};
}

/** The message key that explains a refusal: the field's own when there is one, else the problem's. */
export function problemMessageKey(problem: Problem, field?: string): string | undefined {
  return (field && problem.errors?.[field]) || problem.title;
}
