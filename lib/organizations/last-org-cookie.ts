export const LAST_ORG_COOKIE = "attune-last-org";
