import { z } from "zod";
import { LOCALES } from "@/lib/i18n/locales";
import { attributeKeyError, PARTICIPANT_ROLES } from "@/lib/participants/schemas";
import { pageOf, pageQuerySchema, timestampSchema } from "../common-schemas";
import { defineOperation } from "../operation";

const attributeKey = z.string().regex(/^[A-Za-z][A-Za-z0-9_]{0,59}$/, "participantAttributeKeyInvalid");
const attributeValue = z.string().min(1, "participantAttributeValueInvalid").max(100, "participantAttributeValueInvalid");

export const participantSchema = z
  .object({
    id: z.string().meta({ description: "The person's user id." }),
    email: z.string().nullable(),
    name: z.string().nullable(),
    locale: z.enum(LOCALES).nullable().meta({ description: "The language of their mail and pages; null follows the organization's." }),
    role: z.enum(PARTICIPANT_ROLES).meta({ description: "participant: a customer; frontline: staff, kept by the roster import (read-only here apart from erasure)." }),
    attributes: z.record(z.string(), z.string()).meta({ description: "Segment attributes (region, language, ageBand, team…) that their future responses are split by." }),
    isActive: z.boolean().meta({ description: "False for staff taken off the roster." }),
    programs: z.array(
      z.object({
        id: z.uuid(),
        kind: z.enum(["council", "frontline", "panel"]),
        name: z.string(),
        status: z.enum(["pending_consent", "active", "left"]),
      }),
    ).meta({ description: "The councils and panels they belong to." }),
    createdAt: timestampSchema.meta({ description: "When they joined the organization." }),
  })
  .meta({ id: "Participant" });

const participantParams = z.object({ participantId: z.uuid("idInvalid").meta({ description: "The participant's user id." }) });

export const listParticipants = defineOperation({
  operationId: "listParticipants",
  method: "get",
  path: "/participants",
  tag: "Participants",
  summary: "List participants",
  description: "Customers and frontline staff of the organization by email, a page at a time.",
  scope: "participants:read",
  query: pageQuerySchema.extend({
    email: z.string().max(254, "emailInvalid").optional().meta({ description: "Part of an email address, any case." }),
    role: z.enum(PARTICIPANT_ROLES, "roleInvalid").optional(),
    attribute: z
      .string()
      .regex(/^[A-Za-z][A-Za-z0-9_]{0,59}=[^=]{1,100}$/, "participantAttributeFilterInvalid")
      .optional()
      .meta({ description: "Only people with this attribute value, as key=value (region=north)." }),
  }),
  success: { status: 200, description: "A page of participants", schema: pageOf(participantSchema, "ParticipantPage") },
});

export const getParticipant = defineOperation({
  operationId: "getParticipant",
  method: "get",
  path: "/participants/{participantId}",
  tag: "Participants",
  summary: "Get a participant",
  scope: "participants:read",
  params: participantParams,
  problems: [404],
  success: { status: 200, description: "The participant", schema: participantSchema },
});

export const createParticipant = defineOperation({
  operationId: "createParticipant",
  method: "post",
  path: "/participants",
  tag: "Participants",
  summary: "Add a participant",
  description:
    "Adds a customer to the organization with their segment attributes. An existing account with this email is used (its name and language stay the person's own). Profile attributes keep to their choices as on the join form (region, language, ageBand, tenure, and the organization's panel attributes); others are free text. 409 when they are already a member.",
  scope: "participants:write",
  body: z
    .object({
      email: z.string().max(254, "emailInvalid").meta({ example: "ada@example.com" }),
      name: z.string().max(120, "nameTooLong").optional(),
      locale: z.enum(LOCALES, "localeInvalid").optional(),
      attributes: z.record(attributeKey, attributeValue, attributeKeyError).optional().meta({ example: { region: "north", language: "pl" } }),
    })
    .meta({ id: "ParticipantCreate" }),
  problems: [409],
  success: { status: 201, description: "The participant added", schema: participantSchema },
});

export const updateParticipant = defineOperation({
  operationId: "updateParticipant",
  method: "patch",
  path: "/participants/{participantId}",
  tag: "Participants",
  summary: "Change a participant's profile",
  description:
    "Changes name, language or attributes; an absent field stays, a null one is cleared (an attribute set to null is removed). Past responses keep the attributes they were given with. Frontline staff are kept by the roster import (409), and the name and language of someone who is also a member of another organization are theirs to change (409).",
  scope: "participants:write",
  params: participantParams,
  body: z
    .object({
      name: z.string().max(120, "nameTooLong").nullable().optional(),
      locale: z.enum(LOCALES, "localeInvalid").nullable().optional(),
      attributes: z.record(attributeKey, attributeValue.nullable(), attributeKeyError).optional(),
    })
    .meta({ id: "ParticipantUpdate" }),
  problems: [404, 409],
  success: { status: 200, description: "The participant as changed", schema: participantSchema },
});

export const eraseParticipant = defineOperation({
  operationId: "eraseParticipant",
  method: "delete",
  path: "/participants/{participantId}",
  tag: "Participants",
  summary: "Erase a participant",
  description:
    "Erases the person's data in this organization exactly as the admin privacy page does, under the organization's erasure policy (numbers kept anonymously, or deleted). As an admin retypes it there, `confirmation` must repeat the person's email. Answers the erasure receipt. Cannot be undone.",
  scope: "participants:write",
  params: participantParams,
  body: z
    .object({
      confirmation: z.string().max(254, "privacyConfirmMismatch").meta({ description: "The person's email address, repeated.", example: "ada@example.com" }),
      reference: z.string().max(120, "privacyReferenceTooLong").optional().meta({ description: "Your request's reference, kept in the audit log." }),
    })
    .meta({ id: "ParticipantErasure" }),
  problems: [404, 409],
  success: {
    status: 200,
    description: "The erasure receipt",
    schema: z
      .object({
        receiptId: z.uuid(),
        policy: z.enum(["keep_anonymous", "delete"]),
        responses: z.number().int().meta({ description: "Completed responses anonymized or deleted." }),
        posts: z.number().int(),
        reports: z.number().int(),
        isAccountDeleted: z.boolean().meta({ description: "They had no other organization, so their account is gone." }),
      })
      .meta({ id: "ErasureReceipt" }),
  },
});
