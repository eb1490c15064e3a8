import type { EvidenceItem } from "@/lib/decisions/evidence";
import { translatorFor } from "@/lib/i18n/messages";
import type { MyDataExport } from "./my-data-types";

/** Markup that is already safe; everything else put into a template is escaped. */
class SafeHtml {
  constructor(readonly value: string) {}
  toString() {
    return this.value;
  }
}

type Part = string | number | null | undefined | false | SafeHtml | Part[];

export function escapeHtml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&#39;");
}

function part(value: Part): string {
  if (value === null || value === undefined || value === false) return "";
  if (value instanceof SafeHtml) return value.value;
  if (Array.isArray(value)) return value.map(part).join("");
  return escapeHtml(String(value));
}

/** A template whose interpolations are escaped unless they are themselves `html` templates: free text can never become markup. */
function html(strings: TemplateStringsArray, ...values: Part[]): SafeHtml {
  return new SafeHtml(strings.reduce((out, text, index) => out + text + (index < values.length ? part(values[index]) : ""), ""));
}

const STYLE = `
body{font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1a1a1a;background:#fff;margin:0 auto;max-width:46rem;padding:1.5rem}
h1{font-size:1.6rem;margin:0 0 .25rem}h2{font-size:1.25rem;margin:2rem 0 .5rem;border-bottom:2px solid #1d4ed8;padding-bottom:.25rem}h3{font-size:1.05rem;margin:1rem 0 .25rem}
.muted{color:#4b5563}ul{padding-left:1.25rem}li{margin:.25rem 0}dl{display:grid;grid-template-columns:max-content 1fr;gap:.25rem 1rem}dt{color:#4b5563}dd{margin:0}
article{border:1px solid #d1d5db;border-radius:.5rem;padding:.75rem 1rem;margin:.75rem 0;break-inside:avoid}blockquote{margin:.5rem 0;padding-left:.75rem;border-left:4px solid #1d4ed8;white-space:pre-wrap}
.text{white-space:pre-wrap;overflow-wrap:anywhere}
@media print{body{padding:0;max-width:none}h2{break-after:avoid}a{color:inherit}}
`;

/**
 * The readable summary of a person's data: one self-contained HTML document (inline styles, no
 * scripts or external assets) in their language, printable as it is. Every text from the database is
 * escaped by the `html` template.
 */
export function renderMyDataHtml(data: MyDataExport): string {
  const t = translatorFor(data.locale);
  const m = (key: string, values?: Record<string, string | number>) => t(`myData.${key}` as never, values as never);
  const dateTime = new Intl.DateTimeFormat(data.locale, { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });
  const dateOnly = new Intl.DateTimeFormat(data.locale, { dateStyle: "medium", timeZone: "UTC" });
  const when = (value: string | null) => (value ? dateTime.format(new Date(value)) : "—");
  const day = (value: string) => dateOnly.format(new Date(value));
  const section = (id: string, title: string, count: number | null, body: Part) => html`<section aria-labelledby="${id}"><h2 id="${id}">${title}${count === null ? "" : html` <span class="muted">(${m("count", { count })})</span>`}</h2>${body}</section>`;
  const empty = (key: string) => html`<p class="muted">${m(key)}</p>`;
  const list = <T>(items: T[], emptyKey: string, item: (value: T) => Part) => (items.length === 0 ? empty(emptyKey) : html`<ul>${items.map((value) => html`<li>${item(value)}</li>`)}</ul>`);
  const attributes = (values: Record<string, unknown>) => Object.entries(values).filter(([, value]) => value !== undefined && value !== null && value !== "").map(([key, value]) => `${key}: ${typeof value === "object" ? JSON.stringify(value) : String(value)}`).join(" · ") || m("nothing");
  const evidence = (item: EvidenceItem): Part => {
    if (item.type === "memo") return html`${t("campaigns.evidenceMemo", { title: item.title, council: item.programName, date: day(item.sessionOpensAt) })}${item.excerpt ? html`<blockquote>${item.excerpt}</blockquote>` : ""}`;
    if (item.type === "quote") return t("campaigns.evidenceQuote", { text: item.text, concept: item.conceptTitle });
    if (item.type === "insight") return t("campaigns.evidenceInsightPlain", { claim: item.claim });
    if (item.type === "resonance") return html`${t("campaigns.evidenceResonance", { date: day(item.openedAt), answered: t("resonance.answered", { respondents: item.respondents, invited: item.invited }) })}${item.concepts.length > 0 ? html`<ul>${item.concepts.map((concept) => html`<li>${concept.title}</li>`)}</ul>` : ""}`;
    return "";
  };

  const body = html`
<header><h1>${m("summaryTitle", { org: data.organization.name })}</h1><p class="muted">${m("generatedOn", { date: when(data.generatedAt) })}</p></header>
${section("account", m("accountTitle"), null, html`<dl>
<dt>${m("nameLabel")}</dt><dd>${data.account.name ?? "—"}</dd>
<dt>${m("emailLabel")}</dt><dd>${data.account.email ?? "—"}</dd>
<dt>${m("languageLabel")}</dt><dd>${data.account.locale ?? "—"}</dd>
<dt>${m("accountCreated")}</dt><dd>${when(data.account.createdAt)}</dd>
<dt>${m("roleLabel")}</dt><dd>${t(`roles.${data.membership.role}`)}</dd>
<dt>${m("memberSince")}</dt><dd>${when(data.membership.since)}</dd>
<dt>${m("attributesLabel")}</dt><dd>${attributes(data.membership.attributes)}</dd>
</dl>`)}
${section("groups", m("programsTitle"), data.programs.length, list(data.programs, "programsEmpty", (program) => html`<strong>${program.programName}</strong> — ${m(`kind_${program.kind}`)} · ${m(`status_${program.status}`)}${program.joinedAt ? html` · ${m("joinedOn", { date: day(program.joinedAt) })}` : ""}${program.leftAt ? html` · ${m("leftOn", { date: day(program.leftAt) })}` : ""}${Object.keys(program.profile).length > 0 ? html`<br><span class="muted">${m("profileLabel")}: ${attributes(program.profile)}</span>` : ""}`))}
${section("consents", m("consentsTitle"), data.consents.length, list(data.consents, "consentsEmpty", (consent) => html`<strong>${consent.granted ? m("granted") : m("refused")}</strong>: ${m(`purpose_${consent.purpose}`)} — ${consent.programName}, ${m("consentVersion", { version: consent.version })} · ${when(consent.decidedAt)}${consent.text ? html`<blockquote>${consent.text}</blockquote>` : html`<br><span class="muted">${m("consentTextMissing")}</span>`}`))}
${section("responses", m("responsesTitle"), data.responses.length, data.responses.length === 0 ? empty("responsesEmpty") : data.responses.map((response) => html`<article><h3>${response.instrumentName}</h3><p class="muted">${m(`status_${response.status}`)} · ${m("startedOn", { date: when(response.startedAt) })}${response.submittedAt ? html` · ${m("submittedOn", { date: when(response.submittedAt) })}` : ""}</p>${response.anonymizedAt ? html`<p>${m("anonymizedOn", { date: when(response.anonymizedAt) })}</p>` : ""}<dl>${response.answers.map((answer) => html`<dt>${answer.prompt}</dt><dd class="text">${answer.lines.length > 0 ? answer.lines.join("\n") : m("notAnswered")}</dd>`)}</dl></article>`))}
${section("live-answers", m("liveAnswersTitle"), data.liveAnswers.length, list(data.liveAnswers, "liveAnswersEmpty", (answer) => html`<strong>${answer.sessionTitle}</strong> · ${when(answer.answeredAt)}<br>${answer.question}: <span class="text">${answer.lines.join("; ")}</span>`))}
${section("live-posts", m("livePostsTitle"), data.livePosts.length, list(data.livePosts, "livePostsEmpty", (post) => html`<strong>${post.sessionTitle}</strong> · ${when(post.createdAt)} · ${post.status === "hidden" ? m("postHidden") : m("postVisible")}${post.highlighted ? html` · ${m("postHighlighted")}` : ""}<blockquote>${post.body}</blockquote>`))}
${section("reports", m("fieldReportsTitle"), data.fieldReports.length, list(data.fieldReports, "fieldReportsEmpty", (report) => html`<strong>${t(`fieldReports.kinds.${report.kind}`)}</strong> · ${t(`fieldReports.urgencies.${report.urgency}`)} · ${when(report.createdAt)}${report.team || report.location ? html` · ${[report.team, report.location].filter(Boolean).join(", ")}` : ""}<blockquote>${report.body}</blockquote>`))}
${section("interviews", m("interviewsTitle"), data.interviews.length, list(data.interviews, "interviewsEmpty", (note) => html`<strong>${note.title}</strong> · ${note.interviewedOn}<blockquote>${note.body}</blockquote>`))}
${section("mails", m("mailsTitle"), data.mails.length, list(data.mails, "mailsEmpty", (mail) => html`${mail.kind === "invitation" ? m("mail_invitation") : m("mail_reminder", { sequence: mail.sequence })} — ${m("mailSession", { program: mail.programName, date: day(mail.sessionOpensAt) })} · ${when(mail.sentAt)}`))}
${section("learned", m("learnedTitle"), null, html`<h3>${m("memosTitle")}</h3>${data.learned.memos.length === 0 ? empty("memosEmpty") : data.learned.memos.map((memo) => html`<article><h3>${memo.title}</h3><p class="muted">${m("memoSession", { program: memo.programName, date: day(memo.sessionOpensAt) })}</p><p class="text">${memo.body}</p></article>`)}<h3>${m("insightsTitle")}</h3>${data.learned.insights.length === 0 ? empty("insightsEmpty") : html`<p>${m("insightsIntro")}</p>${data.learned.insights.map((insight) => html`<article><h3>${insight.claim}</h3><p class="muted">${m("insightPublished", { date: day(insight.publishedAt) })}</p>${insight.body ? html`<p class="text">${insight.body}</p>` : ""}</article>`)}`}`)}
${section("you-said-we-did", m("youSaidTitle"), data.youSaidWeDid.length, html`<p>${m("youSaidIntro")}</p>${data.youSaidWeDid.length === 0 ? empty("youSaidEmpty") : data.youSaidWeDid.map((decision) => html`<article><h3>${decision.campaignName}</h3><p>${m("decisionLabel")}: <strong>${t(`campaigns.kind_${decision.kind}`)}</strong> · ${m("decidedOn", { date: day(decision.decidedAt) })}</p>${decision.corrects ? html`<p>${m("correctsEarlier", { date: day(decision.corrects.decidedAt) })}</p>` : ""}${decision.correctedBy.map((entry) => html`<p>${m("correctedLater", { date: day(entry.decidedAt) })}</p>`)}<p><strong>${m("rationaleLabel")}:</strong></p><p class="text">${decision.rationale}</p><p><strong>${m("citedLabel")}:</strong></p><ul>${decision.cited.map((item) => html`<li>${evidence(item)}</li>`)}</ul></article>`)}`)}
${section("activity", m("activityTitle"), data.activity.length, list(data.activity, "activityEmpty", (entry) => html`${entry.label} · ${when(entry.at)}`))}
`;
  return `<!doctype html>\n${html`<html lang="${data.locale}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><meta name="robots" content="noindex"><title>${m("summaryTitle", { org: data.organization.name })}</title><style>${new SafeHtml(STYLE)}</style></head><body><main>${body}</main></body></html>`}\n`;
}
