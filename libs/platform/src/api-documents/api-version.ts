/** The version the OpenAPI and AsyncAPI documents carry: the release of the HTTP API and topics (v1 routes, .v1 topics). */
export const NEWSFLOW_API_VERSION = '1.0.0';
