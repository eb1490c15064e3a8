import { getTranslations } from "next-intl/server";
import { NavLink } from "@/components/shell/nav-link";

/** The panel page's sections; a new one (e.g. polls) is one more line here. */
const SECTIONS = [
  { key: "overview", path: "" },
  { key: "members", path: "/members" },
  { key: "invitations", path: "/invitations" },
  { key: "quotas", path: "/quotas" },
  { key: "samples", path: "/samples" },
  { key: "polls", path: "/polls" },
  { key: "live", path: "/live" },
] as const;

export async function PanelSections({ base }: { base: string }) {
  const [t, tLive] = await Promise.all([getTranslations("panels"), getTranslations("live")]);
  return (
    <nav aria-label={t("sectionsLabel")} className="mb-6 border-b border-border pb-2">
      <ul className="flex gap-1 overflow-x-auto">
        {SECTIONS.map((section) => (
          <li key={section.key}>
            <NavLink href={`${base}${section.path}`} isExact={section.path === ""}>
              {section.key === "live" ? tLive("section") : t(`section.${section.key}`)}
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}
