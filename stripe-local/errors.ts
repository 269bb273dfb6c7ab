/** Stripe's error body: `{ error: { type, code?, message, param?, decline_code? } }`. */
export interface StripeErrorBody {
  type: "invalid_request_error" | "idempotency_error" | "api_error" | "card_error";
  code?: string;
  message: string;
  param?: string;
  decline_code?: string;
}

export class StripeApiError extends Error {
  constructor(
    readonly status: number,
    readonly body: StripeErrorBody,
    readonly headers: Record<string, string> = {},
  ) {
    super(body.message);
    this.name = "StripeApiError";
  }
}

export function invalidRequest(message: string, details: { param?: string; code?: string } = {}) {
  return new StripeApiError(400, { type: "invalid_request_error", message, ...details });
}

export function missingParam(param: string) {
  return invalidRequest(`Missing required param: ${param}.`, { param, code: "parameter_missing" });
}

export function unknownParam(param: string) {
  return invalidRequest(`Received unknown parameter: ${param}`, { param, code: "parameter_unknown" });
}

export function resourceMissing(objectName: string, id: string, param: string) {
  return new StripeApiError(404, {
    type: "invalid_request_error",
    code: "resource_missing",
    message: `No such ${objectName}: '${id}'`,
    param,
  });
}

export function unrecognizedUrl(method: string, path: string) {
  return new StripeApiError(404, {
    type: "invalid_request_error",
    message: `Unrecognized request URL (${method}: ${path}). This local server implements only the part of Stripe's API the store uses.`,
  });
}

export function rateLimited() {
  // Stripe answers 429 with code `rate_limit`; the SDK maps any 429 to StripeRateLimitError.
  return new StripeApiError(429, {
    type: "invalid_request_error",
    code: "rate_limit",
    message:
      "Request rate limit exceeded. You can learn more about rate limits here https://stripe.com/docs/rate-limits.",
  });
}
