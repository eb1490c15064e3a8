import { describe, expect, it } from "vitest";
import type { MyDataExport } from "./my-data-types";
import { escapeHtml, renderMyDataHtml } from "./render-my-data-html";

const SCRIPT = `<script>alert("x")</script>`;

function document(overrides: Partial<MyDataExport> = {}): MyDataExport {
  return {
    schemaVersion: 1,
    generatedAt: "2026-12-06T10:00:00.000Z",
    locale: "pl",
    organization: { slug: "northwind", name: `Northwind ${SCRIPT}` },
    account: { name: `Ola ${SCRIPT}`, email: "ola@example.test", locale: "pl", createdAt: "2026-01-01T10:00:00.000Z" },
    membership: { role: "participant", attributes: { region: `north${SCRIPT}` }, since: "2026-01-01T10:00:00.000Z" },
    programs: [{ programId: "p1", programName: `Council ${SCRIPT}`, kind: "council", status: "active", profile: { region: "north" }, joinedAt: "2026-01-02T10:00:00.000Z", leftAt: null }],
    consents: [{ programId: "p1", programName: "Council", purpose: "quotes", version: 1, granted: false, decidedAt: "2026-02-01T10:00:00.000Z", text: `We quote ${SCRIPT}` }],
    responses: [{ id: "r1", instrumentName: "Pulse", status: "completed", locale: "pl", startedAt: "2026-03-01T10:00:00.000Z", submittedAt: "2026-03-01T10:05:00.000Z", anonymizedAt: null, answers: [{ questionId: "q", prompt: `Why ${SCRIPT}?`, lines: [SCRIPT] }] }],
    liveAnswers: [],
    livePosts: [{ sessionTitle: "Evening", body: `<img src=x onerror=alert(1)>`, status: "hidden", highlighted: true, createdAt: "2026-03-02T10:00:00.000Z" }],
    fieldReports: [],
    interviews: [{ title: `Visit ${SCRIPT}`, interviewedOn: "2026-03-04", body: `They said ${SCRIPT}`, createdAt: "2026-03-05T10:00:00.000Z" }],
    mails: [],
    activity: [{ action: "mydata.viewed", label: "Viewed", at: "2026-03-03T10:00:00.000Z" }],
    learned: { memos: [{ memoId: "m1", programId: "p1", programName: "Council", title: `Memo ${SCRIPT}`, body: "Body", sessionOpensAt: "2026-04-01T10:00:00.000Z", publishedAt: null, href: null }], insights: [] },
    youSaidWeDid: [{ id: "d1", campaignName: "Queues", kind: "revise", rationale: `Because ${SCRIPT}`, decidedAt: "2026-05-01T10:00:00.000Z", corrects: { id: "d0", decidedAt: "2026-04-20T10:00:00.000Z" }, correctedBy: [], cited: [{ type: "quote", testId: "t1", conceptTitle: "Warm", text: SCRIPT }] }],
    ...overrides,
  };
}

describe("the readable summary", () => {
  it("escapes every text people wrote, so nothing they typed can become markup", () => {
    const html = renderMyDataHtml(document());
    expect(html).not.toMatch(/<script|<img/i);
    expect(html).toContain(escapeHtml(SCRIPT));
    expect(html).toContain("&lt;img src=x onerror=alert(1)&gt;");
    expect(escapeHtml(`"'&<>`)).toBe("&quot;&#39;&amp;&lt;&gt;");
  });

  it("is one self-contained document in the reader's language, with every section and no external asset", () => {
    const html = renderMyDataHtml(document());
    expect(html.startsWith("<!doctype html>")).toBe(true);
    expect(html).toContain('<html lang="pl">');
    for (const heading of ["Twoje konto", "Twoje grupy", "Twoje decyzje o zgodach", "Twoje odpowiedzi w ankietach", "Powiedzieliście, zrobiliśmy", "Czego dowiedzieliśmy się z Twoich grup", "Udostępnione wnioski"]) expect(html).toContain(heading);
    expect(html).toContain("Ten wpis poprawia wcześniejszy");
    expect(html).toContain("Ukryty przez moderatora");
    expect(html).not.toMatch(/<link|<script|src=["']|url\(|@import|https?:\/\//);
    expect(html).toContain("<style>");
  });

  it("says so when a list is empty", () => {
    const html = renderMyDataHtml(document({ locale: "en", responses: [], youSaidWeDid: [], learned: { memos: [], insights: [] } }));
    expect(html).toContain("You have not answered any survey yet.");
    expect(html).toContain("No decision has cited your groups yet.");
    expect(html).toContain("No memo has been published for your groups yet.");
    expect(html).toContain("When the research team shares insights from your groups, they will appear here.");
  });

  it("lists the insights that rest on the person's words with claim, body and date, escaped", () => {
    const html = renderMyDataHtml(document({ locale: "en", learned: { memos: [], insights: [{ insightId: "i1", claim: `Queues hurt ${SCRIPT}`, body: "Waiting is the worst part.", publishedAt: "2026-06-01T10:00:00.000Z" }] } }));
    expect(html).toContain(`<h3>Queues hurt ${escapeHtml(SCRIPT)}</h3>`);
    expect(html).toContain("Waiting is the worst part.");
    expect(html).toContain("Published Jun 1, 2026");
    expect(html).not.toContain("When the research team shares insights from your groups");
    expect(html).not.toMatch(/<script/i);
  });
});
