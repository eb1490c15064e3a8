/** The demo's ended live session has a fixed id, so its review page has an address to document and test. */
export const DEMO_LIVE_SESSION_ID = "8f1d2c3a-5b6e-4f70-9a81-2b3c4d5e6f70";
