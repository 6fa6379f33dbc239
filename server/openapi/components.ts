/**
 * The named schemas of the OpenAPI document, each generated from the zod schema the server validates
 * requests with or answers in (zod 4's `z.toJSONSchema`): requests as they are accepted (io "input"),
 * responses as they are sent (io "output"). A named schema another one uses becomes a `$ref`.
 */
import { actorMapSchema, importRecordSchema, importResultSchema } from "../../lib/schemas/imports";
import { z } from "zod";
import { auditPageSchema } from "../../lib/schemas/audit";
import { controlStateSchema } from "../../lib/schemas/control";
import { errorBodySchema } from "../../lib/schemas/errors";
import { eventCountsSchema, eventsPageSchema, listedEventSchema, statsSeriesSchema } from "../../lib/schemas/event-query";
import { eventInputSchema, eventSchema } from "../../lib/schemas/events";
import { feedEntrySchema, feedPageSchema } from "../../lib/schemas/feed";
import { eventsGeoJsonSchema, featureCollectionSchema } from "../../lib/schemas/geojson";
import { healthSchema } from "../../lib/schemas/health";
import { oembedSchema } from "../../lib/schemas/oembed";
import {
  baselineInputSchema,
  baselineSchema,
  createFactionSchema,
  createPlaceSchema,
  factionSchema,
  placeSchema,
  regionSchema,
  updateFactionSchema,
} from "../../lib/schemas/reference";
import { createSituationSchema, situationSchema, updateSituationSchema } from "../../lib/schemas/situations";
import {
  createReportSchema,
  reportSchema,
  reportsPageSchema,
  retractReportSchema,
  revisionSchema,
  sourceSchema,
  updateReportSchema,
} from "../../lib/schemas/reports";
import { setupSchema } from "../../lib/schemas/setup";
import { timelineSchema } from "../../lib/schemas/timeline";
import {
  apiTokenSchema,
  changePasswordSchema,
  createUserSchema,
  issuedTokenSchema,
  issueTokenSchema,
  loginSchema,
  meSchema,
  signedInSchema,
  updateUserSchema,
  userSchema,
} from "../../lib/schemas/users";
import { createWebhookSchema, webhookDeliverySchema, webhookPayloadSchema, webhookSchema } from "../../lib/schemas/webhooks";

export const REQUEST_SCHEMAS = {
  ActorMap: actorMapSchema,
  ImportFile: z
    .string()
    .describe(
      "The file: with format=acled an ACLED export as RFC 4180 CSV in UTF-8, its first line naming the columns (a byte-order mark is read); with format=csv events in the columns of GET /api/events.csv; with format=geojson a GeoJSON FeatureCollection as GET /api/events.geojson writes it.",
    ),
  Login: loginSchema,
  Setup: setupSchema,
  ChangePassword: changePasswordSchema,
  CreateUser: createUserSchema,
  UpdateUser: updateUserSchema,
  IssueToken: issueTokenSchema,
  CreatePlace: createPlaceSchema,
  CreateFaction: createFactionSchema,
  BaselineInput: baselineInputSchema,
  UpdateFaction: updateFactionSchema,
  CreateSituation: createSituationSchema,
  UpdateSituation: updateSituationSchema,
  EventInput: eventInputSchema,
  CreateReport: createReportSchema,
  UpdateReport: updateReportSchema,
  RetractReport: retractReportSchema,
  CreateWebhook: createWebhookSchema,
} satisfies Record<string, z.ZodType>;
export type RequestSchemaName = keyof typeof REQUEST_SCHEMAS;

export const RESPONSE_SCHEMAS = {
  Error: errorBodySchema,
  Source: sourceSchema,
  Event: eventSchema,
  Revision: revisionSchema,
  Report: reportSchema,
  ReportsPage: reportsPageSchema,
  FeedEntry: feedEntrySchema,
  FeedPage: feedPageSchema,
  ListedEvent: listedEventSchema,
  EventsPage: eventsPageSchema,
  ControlState: controlStateSchema,
  StatsSeries: statsSeriesSchema,
  EventCounts: eventCountsSchema,
  Timeline: timelineSchema,
  Baseline: baselineSchema,
  ImportResult: importResultSchema,
  ImportRecord: importRecordSchema,
  ImportRecords: z.array(importRecordSchema),
  ActorMapping: actorMapSchema,
  Situation: situationSchema,
  Situations: z.array(situationSchema),
  Faction: factionSchema,
  Factions: z.array(factionSchema),
  Region: regionSchema,
  Regions: z.array(regionSchema),
  Place: placeSchema,
  Places: z.array(placeSchema),
  User: userSchema,
  Users: z.array(userSchema),
  Me: meSchema,
  SignedIn: signedInSchema,
  ApiToken: apiTokenSchema,
  Tokens: z.array(apiTokenSchema),
  IssuedToken: issuedTokenSchema,
  AuditPage: auditPageSchema,
  Health: healthSchema,
  FeatureCollection: featureCollectionSchema,
  EventsGeoJson: eventsGeoJsonSchema,
  Csv: z.string().describe("RFC 4180 CSV (UTF-8)"),
  Atom: z.string().describe("An Atom 1.0 feed document (RFC 4287), UTF-8"),
  Text: z.string().describe("Plain text, UTF-8"),
  Png: z.string().meta({ contentMediaType: "image/png" }).describe("A PNG image"),
  Svg: z.string().meta({ contentMediaType: "image/svg+xml" }).describe("An SVG 1.1 document, UTF-8"),
  Oembed: oembedSchema,
  Webhook: webhookSchema,
  Webhooks: z.array(webhookSchema),
  WebhookDeliveries: z.array(webhookDeliverySchema),
  WebhookPayload: webhookPayloadSchema.describe(
    "Not a response: the JSON body each delivery POSTs to a webhook's URL, with the header X-Situation-Signature: sha256=<hex HMAC-SHA256 of the body with the webhook's secret>.",
  ),
  OpenApiDocument: z.looseObject({ openapi: z.string(), info: z.looseObject({}), paths: z.looseObject({}) }),
} satisfies Record<string, z.ZodType>;
export type ResponseSchemaName = keyof typeof RESPONSE_SCHEMAS;

type JsonSchema = Record<string, unknown>;

/** All of one registry's schemas as `components.schemas`, referring to each other by `#/components/schemas/<name>`. */
function generate(schemas: Record<string, z.ZodType>, io: "input" | "output"): Record<string, JsonSchema> {
  const registry = z.registry<{ id: string }>();
  for (const [id, schema] of Object.entries(schemas)) registry.add(schema, { id });
  const { schemas: generated } = z.toJSONSchema(registry, { io, unrepresentable: "any", uri: (id) => `#/components/schemas/${id}` });
  // OpenAPI 3.1 uses the document's dialect: each schema's own $schema and $id would only repeat it.
  return Object.fromEntries(Object.entries(generated).map(([id, { $schema: _schema, $id: _id, ...schema }]) => [id, schema as JsonSchema]));
}

export function componentSchemas(): Record<string, JsonSchema> {
  return { ...generate(REQUEST_SCHEMAS, "input"), ...generate(RESPONSE_SCHEMAS, "output") };
}

/** A query schema's properties as query parameters (their input form: what a URL carries). */
export function queryParameters(schema: z.ZodObject) {
  const { properties = {} } = z.toJSONSchema(schema, { io: "input", unrepresentable: "any" }) as { properties?: Record<string, JsonSchema> };
  return Object.entries(properties).map(([name, property]) => ({ name, in: "query", required: false, schema: property }));
}
