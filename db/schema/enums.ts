import { pgEnum } from "drizzle-orm/pg-core";
import { LOCALES } from "@/lib/i18n/locales";
import { ROLES } from "@/lib/authz/roles";

export const localeEnum = pgEnum("locale", LOCALES);
export const roleEnum = pgEnum("member_role", ROLES);
