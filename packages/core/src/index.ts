/**
 * The rules of a city's annual work-injury prevention project as code: money, parameters, rules, calendar, lifecycle, audit trail.
 *
 * @packageDocumentation
 * @since 0.1.0
 */

/**
 * Acceptance (实施方案 三(九)): the provider applies with expense receipts and
 * details once the work is done; an expert panel evaluates every quota and
 * performance target item by item. Guards decide whether an application or an
 * evaluation may be made at all; the verdict rules decide pass or fail.
 *
 * @since 0.1.0
 */
export * as Acceptance from "./lifecycle/3.9-acceptance/Acceptance.js"

/**
 * Who gives a command: the plan's roles (实施方案 二、三、七(一)) and the
 * member units of the city's work-injury prevention committee.
 *
 * @since 0.1.0
 */
export * as Actor from "./kernel/Actor.js"

/**
 * Actor binding: who a command acts for. The host authenticates people (gsyf never sees a password, a token or
 * a certificate) and tells gsyf which party the person acts for, as a {@link Principal}; gsyf then binds every
 * command to that party and refuses a mismatch with `Unauthorized`, before anything is written and before a
 * resent command id is answered:
 *
 * - the command's `actor` must be the principal (same id, role and member unit) — {@link bind}, rule
 *   `actors.authenticated`;
 * - a supplier bids only for itself: `SubmitBid.supplierId` is the actor's id — `actors.own-bid`;
 * - the provider steps of a sub-project (implementation plan, monthly briefings, material designs, deliverables
 *   and their corrections, the application for acceptance) come only from the provider its contract was signed
 *   with — `actors.contracted-provider`;
 * - a member unit's opinion is recorded as the unit of its actor, so with {@link bind} a unit gives only its own;
 * - an expert scores as itself (with {@link bind}) and only on a panel it sits on (`SubmitScores`, rule
 *   `roles.allowed` of 三(五)).
 *
 * The bindings on the command's content are guards of kind `authorization` (see `Guard`), listed in {@link guards}
 * and run for every command; {@link bind} is the host's port, run by `ProjectService.execute` and
 * `Client.execute` when they are given a principal. `docs/guides/security.md` states the split.
 *
 * @since 0.2.0
 */
export * as ActorBinding from "./lifecycle/ActorBinding.js"

/**
 * The host's audit key: an Ed25519 key pair (`node:crypto`) whose private half
 * the host keeps outside the database (a file readable only by the application,
 * a secrets manager, an HSM-backed signer). With it gsyf signs
 *
 * - **receipts**: one signature per append, stored in the command row, over the
 *   stream, the command id, the command's fingerprint, its positions and the hash
 *   of its last event (the promise, like a certificate log's signed timestamp,
 *   that this command was appended by a holder of the key);
 * - **checkpoints** (see `Checkpoint`): signed heads of every stream and of the
 *   whole store, kept outside the database.
 *
 * Someone who can write to the database but does not hold the key can change
 * rows and recompute hash chains, but cannot make a receipt or a checkpoint that
 * verifies, so `StoreAudit.verify` finds the change. The public key is all a
 * verifier needs.
 *
 * ```ts
 * const { privateKeyPem, publicKeyPem } = AuditKey.generate()
 * const signer = Either.getOrThrow(AuditKey.signer(privateKeyPem))
 * const StoreLive = SqliteEventStore.layer({ filename, projections, signer })
 * ```
 *
 * @since 0.2.0
 */
export * as AuditKey from "./runtime/AuditKey.js"

/**
 * The tamper-evident audit trail of a stream: every stored event carries the
 * SHA-256 hash of its predecessor and its own hash, so changing, removing or
 * reordering one event breaks the chain from that point on.
 *
 * ## How a hash is computed
 *
 * ```
 * hash = hex(SHA-256(prevHash + canonical(body)))
 * body = { streamId, position, type, schemaVersion, commandId, recordedAt, data }
 * ```
 *
 * - `prevHash` of the first event of a stream (position 1) is {@link genesisHash}, 64 zeros;
 *   after that it is the `hash` of the event at the previous position.
 * - `canonical` is RFC 8785 (JCS) JSON: object keys sorted by UTF-16 code units,
 *   no whitespace, ECMAScript number serialisation. gsyf keeps money and other
 *   decimals as strings, so numbers in event data are integers in practice.
 * - The hash input is the UTF-8 encoding of the 64 hex characters of `prevHash`
 *   immediately followed by the canonical JSON text (no separator).
 *
 * `data` is the event as the store wrote it (`ProjectEvent.Stored`): from schema version 2 it cites the library's
 * legal bases by reference (`"lb:"` and 16 hex characters of the SHA-256 of the basis's canonical JSON; see
 * `LegalBasis`), so the hash covers the reference and the reference covers the text. Rows of version 1 hold every
 * basis whole and keep their hashes.
 *
 * From schema version 3 the fields that many events share (who acted, the legal basis, the rules evaluated) are kept
 * once, in a record the store holds beside the events: the event's `data` names it as `"$record"`, the SHA-256 (hex)
 * of the record's canonical JSON, so the hash covers the reference and the reference covers the record. {@link verify}
 * checks both links; a record that is missing or whose text no longer hashes to its reference breaks the chain at the
 * first event that names it (`record-mismatch`).
 *
 * ## Rechecking an export without gsyf
 *
 * {@link exportJsonl} writes one JSON object per line: the seven body fields
 * plus `prevHash` and `hash`, and `record` (the record's JSON) for an event whose data names one. An outside
 * auditor can recheck a file with a few
 * lines of Python (standard library only; `json.dumps(..., sort_keys=True,
 * separators=(",", ":"), ensure_ascii=False)` is JCS for data whose keys are
 * ASCII or BMP characters and whose numbers are integers, which is what gsyf stores):
 *
 * ```python
 * import hashlib, json, sys
 * heads = {}
 * for n, line in enumerate(open(sys.argv[1], encoding="utf-8"), 1):
 *     e = json.loads(line)
 *     body = {k: e[k] for k in ("streamId", "position", "type", "schemaVersion", "commandId", "recordedAt", "data")}
 *     prev = heads.get(e["streamId"], "0" * 64)
 *     canon = json.dumps(body, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
 *     h = hashlib.sha256((prev + canon).encode("utf-8")).hexdigest()
 *     assert e["prevHash"] == prev and e["hash"] == h, f"line {n}: chain broken at position {e['position']}"
 *     if "$record" in e["data"]:
 *         rec = json.dumps(e["record"], sort_keys=True, separators=(",", ":"), ensure_ascii=False)
 *         assert hashlib.sha256(rec.encode("utf-8")).hexdigest() == e["data"]["$record"], f"line {n}: record altered"
 *     heads[e["streamId"]] = h
 * print("ok", len(heads), "streams")
 * ```
 *
 * or, for a single stream, with `jq` and `sha256sum` (jq's `-S -c` sorts keys
 * and drops whitespace; the same caveats about keys and numbers apply):
 *
 * ```sh
 * prev=$(printf '0%.0s' $(seq 64))
 * while IFS= read -r line; do
 *   body=$(jq -S -c '{streamId,position,type,schemaVersion,commandId,recordedAt,data}' <<<"$line")
 *   h=$(printf '%s%s' "$prev" "$body" | sha256sum | cut -d' ' -f1)
 *   [ "$h" = "$(jq -r .hash <<<"$line")" ] || { echo "broken at $(jq .position <<<"$line")"; exit 1; }
 *   prev=$h
 * done < trail.jsonl; echo ok
 * ```
 *
 * @since 0.1.0
 */
export * as AuditTrail from "./runtime/AuditTrail.js"

/**
 * 实施方案 三(三): the rules over the budget a city submits — the two sub-projects' budgets add up to the total,
 * the fee stays under its cap (上年度工伤保险基金征缴收入的3%, or a provincial approval's), the fee is spent on
 * permitted uses, the advance and balance percentages add up to 100. They run when the plan is issued (三(二))
 * and again when the budget is submitted (stage `budget`).
 *
 * @since 0.2.0
 */
export * as BudgetRules from "./lifecycle/3.3-budget/BudgetRules.js"

/**
 * Working days, holidays and legal periods.
 *
 * A {@link Calendar} knows, for each year it covers, which days are statutory
 * holidays and which weekend days are worked instead (调休上班), as announced
 * each year by the 国务院办公厅关于YYYY年部分节假日安排的通知. The data comes in as
 * {@link HolidayYear} values (see `@gsyf/calendar-cn` for 2015–2026); a host
 * adds a year, e.g. next year's notice, with {@link extend}.
 *
 * The service value is a plain, pure object ({@link Service}): every method
 * returns an `Either` and never throws, so pure code such as the lifecycle
 * decider can take it as an argument. A date in a year without data is a
 * {@link CalendarYearNotCovered} error, never a guess.
 *
 * Periods follow 《民法典》第二百零一条至第二百零三条 (see {@link periodEnd}).
 *
 * @since 0.1.0
 */
export * as Calendar from "./kernel/Calendar.js"

/**
 * Signed checkpoints of a whole event store, as verifiable logs publish signed
 * tree heads (RFC 9162 §4.10): the head of every stream (its version, the hash
 * of its last event, a digest of its events' global positions and a digest of its
 * command rows), a Merkle tree hash (RFC 9162 §2.1) over those heads, and an
 * Ed25519 signature by the host's {@link AuditKey}.
 *
 * A checkpoint is kept **outside** the database (a file on another machine, a
 * write-once bucket, a message to the auditor: see {@link toFile} and
 * {@link Sink}). Whoever can rewrite the database cannot rewrite the checkpoint,
 * so `StoreAudit.verify` against it finds a truncated stream, a deleted stream, a
 * chain recomputed after an edit, changed global positions and edited, deleted
 * or added command rows among what the checkpoint covers; receipts (see
 * `AuditKey`) cover the appends made after it.
 *
 * ```ts
 * const checkpoint = yield* Checkpoint.take(store, signer)
 * yield* Checkpoint.write(checkpoint, [Checkpoint.toFile("/mnt/audit/checkpoints")])
 * ```
 *
 * The file is canonical JSON (RFC 8785); the signature is over the canonical
 * JSON of every field but `signature`.
 *
 * @since 0.2.0
 */
export * as Checkpoint from "./runtime/Checkpoint.js"

/**
 * A plain Promise API for hosts that do not use Effect. Every method returns a
 * Promise; a rejected command resolves to `{ ok: false, rejection }` with the
 * rule ids and bilingual messages, so host code never has to catch domain
 * outcomes. Only infrastructure failures (the database is down) reject the Promise.
 *
 * @example
 * ```ts
 * import { Client, Parameter, Plugin } from "@gsyf/core"
 * import { ChinaHolidays } from "@gsyf/calendar-cn"
 * import { SqliteEventStore } from "@gsyf/store-sqlite"
 *
 * const client = await Client.make({
 *   parameters: parameterFileObject,          // what a city writes (YAML or JSON, parsed)
 *   calendar: ChinaHolidays.calendar,
 *   store: (projections) => SqliteEventStore.layer({ filename: "gsyf.db", projections })
 * })
 * const result = await client.execute("sample-city-2026", { _tag: "SubmitBudget", commandId: "c-42", actor, at })
 * if (!result.ok) console.log(result.rejection.ruleIds, result.rejection.zh)
 * await client.close()
 * ```
 *
 * @since 0.1.0
 */
export * as Client from "./runtime/Client.js"

/**
 * Runs a {@link Decider} against the {@link EventStore}: load the stream, decode
 * (upcasting older schema versions), fold, decide, encode, append at the version
 * that was read. When another writer appended in between, the append fails with
 * `VersionConflict` and the handler starts over from a fresh read, a bounded
 * number of times.
 *
 * ```ts
 * const result = yield* CommandHandler.handle(counter, counterCodec, "counter-1", { _tag: "Add", n: 2 }, commandId)
 * ```
 *
 * The decider's `authorize` runs first, on the current state: a refusal fails
 * the effect with the decider's rejection before anything else, so a command id
 * resent by someone not allowed to send it is refused, not answered from the
 * store. A rejection from `decide` fails the effect with the decider's own
 * rejection value and writes nothing. A command id already appended to the
 * stream with the same fingerprint (a retried request) returns the original
 * outcome with `result.duplicate === true`; with another fingerprint the
 * effect fails with `EventStore.CommandIdConflict`.
 *
 * @since 0.1.0
 */
export * as CommandHandler from "./runtime/CommandHandler.js"

/**
 * What a project's lifecycle runs with: the parameters and the calendar, the rules of every stage
 * ({@link StageRules}), the guards of every command ({@link CommandRules}), the quota items, the deliverable types
 * and procurement methods (values with their titles, bases and award paths), and what plugins changed
 * (overrides, removals). `Plugin.configure` builds one from gsyf's defaults ({@link baseRules},
 * {@link baseGuards}, {@link baseProcurementMethods}) and the plugins.
 *
 * @since 0.2.0
 */
export * as Config from "./lifecycle/Config.js"

/**
 * The decider pattern: a pure state machine that answers a command with events
 * or a rejection, and folds events into state. The project lifecycle is a
 * decider; the event store's command handler runs any decider.
 *
 * @since 0.1.0
 */
export * as Decider from "./lifecycle/Decider.js"

/**
 * Evidence of the work the plan counts (实施方案 四): meetings, park events,
 * materials, videos, media reports, trainings and the three ordered steps of
 * key-enterprise work. The provider records each piece as it happens; quotas
 * are read from them (see `Quota`).
 *
 * @since 0.1.0
 */
export * as Deliverable from "./lifecycle/4-deliverables/Deliverable.js"

/**
 * Guards on recording a deliverable (实施方案 三(七), 四, 五): the work falls
 * within the contract period after an approved implementation plan, materials
 * are produced only from approved designs, the summary video keeps to its
 * length, key-enterprise work follows its three steps in order and only for
 * enterprises on the committee's list.
 *
 * @since 0.1.0
 */
export * as DeliverableRules from "./lifecycle/4-deliverables/DeliverableRules.js"

/**
 * The event store port: append-only streams of events with optimistic
 * concurrency, idempotent command ids, a per-stream SHA-256 hash chain (see
 * {@link AuditTrail}) and read models updated in the same transaction (see
 * {@link Projection}).
 *
 * Adapters: {@link layerMemory} here; `@gsyf/store-sqlite` and
 * `@gsyf/store-postgres` (both built on `@gsyf/store-sql`). Every adapter passes
 * the same conformance suite, `@gsyf/testkit` `EventStoreSuite`.
 *
 * Rules every adapter keeps:
 *
 * - `append(streamId, expectedVersion, commandId, events)`: the stream must be at
 *   exactly `expectedVersion` (`0`: it must not exist); there is no "any
 *   version". Positions are 1-based per stream.
 * - An append without events writes nothing and returns the current version.
 * - A command id belongs to its stream: the same id in another stream is
 *   another command. Each command is stored with a fingerprint (`commandHash`:
 *   given by the caller, e.g. the SHA-256 of the canonical command, or else the
 *   SHA-256 of its events). An id already stored in the stream with the same
 *   fingerprint returns the original result with `duplicate: true` and writes
 *   nothing, so retries are safe; with another fingerprint the append fails
 *   with {@link CommandIdConflict}, never answering with the original events.
 * - With a `signer` (see `AuditKey`), every command row carries a receipt: the
 *   host's signature over the command and the hash of its last event.
 * - Events, their hash chain links, the command record and the read-model
 *   updates are written in one transaction, or not at all.
 * - Input is validated before anything is written; bad input fails with
 *   `InvalidInput` and never reaches a table.
 *
 * @since 0.1.0
 */
export * as EventStore from "./runtime/EventStore.js"

/**
 * Explanations of decisions. Any decision recorded as an event (an award, an
 * acceptance result, a payment amount, a deadline) can be explained from the
 * event stream alone: what was decided, the rules evaluated with their
 * findings, every parameter value read (with the date it took effect and its
 * basis), the legal basis, and the earlier events the decision rests on,
 * followed transitively to a chosen depth.
 *
 * ```ts
 * const explanation = Explain.decision(events, "seed-0041/0", { index: Explain.ruleIndex(config) })
 * if (Either.isRight(explanation)) console.log(Explain.render(explanation.right, "zh"))
 * ```
 *
 * @since 0.1.0
 */
export * as Explain from "./plugin/Explain.js"

/**
 * Guards: the rules a command must pass before the decider answers it, as values. A guard is a `Rule` over the
 * command's {@link Input} (the command, the project's state, the date of the act and the configuration) with a
 * {@link Kind}: an `order` guard finds the step at the wrong point of the lifecycle (`OutOfOrder`, nothing after
 * it runs), a `check` finds errors in the command (`RuleViolation`, with the other checks' findings), an
 * `authorization` finds the actor not allowed (`Unauthorized`). Each section declares its commands' guards
 * (`lifecycle/3.6-contract/guards.ts` …); plugins add guards to any command, override one by id with a priority
 * or remove one with a stated legal reason (see `Plugin`). Every guard evaluation that reads parameters or finds
 * something is recorded in the event, like the rules of the stages.
 *
 * {@link all} documents every guard and every traced step of the lifecycle (the rule reference renders it).
 *
 * @since 0.1.0
 */
export * as Guard from "./lifecycle/Guard.js"

/**
 * Industry codes of GB/T 4754-2017《国民经济行业分类》, used to name the key
 * areas (重点领域) of 实施方案 三(一).
 *
 * All 20 sections (门类 `A`–`T`) and all 97 divisions (大类 `01`–`97`) are
 * known with their 2017 names, plus the groups (中类) and classes (小类) that
 * matter for hazardous chemicals, mining, transport and postal services
 * (`091`–`093`, `102`, `251`, `252`, `2521`, `261`–`268`, `516`, `5162`,
 * `5166`, `5167`, `5169`, `526`, `5265`, `543`, `5435`, `594`, `5941`,
 * `5942`, `5949`, `601`, `602`). Other groups and classes are not listed and
 * are rejected as unknown.
 *
 * A code is written as the section letter (`"C"`), or as the digits of a
 * division, group or class (`"26"`, `"267"`, `"5942"`). The digits may carry
 * their section letter in front (`"B09"`, `"G5942"`); {@link normalize} drops it.
 *
 * @since 0.1.0
 */
export * as Industry from "./kernel/Industry.js"

/**
 * Typed, bilingual errors for bad input. Every public entry point of gsyf decodes
 * unknown input with `effect/Schema`; when decoding fails the caller gets an
 * {@link InvalidInput} that lists each problem with its field path and a message
 * in Chinese and English. Nothing is written when this error is raised.
 *
 * @since 0.1.0
 */
export * as InputError from "./kernel/InputError.js"

/**
 * Calendar dates as ISO `YYYY-MM-DD` strings, and instants as ISO 8601 strings
 * with an explicit offset.
 *
 * An {@link IsoDate} is a branded string, so it serialises as itself, sorts
 * correctly as a string and compares with `===`. All arithmetic goes through
 * integer day numbers (proleptic Gregorian calendar, years 0001–9999), never
 * through `Date`, so there are no time zone or daylight-saving traps.
 *
 * @since 0.1.0
 */
export * as IsoDate from "./kernel/IsoDate.js"

/**
 * 实施方案 三(一): choosing the year's key areas (重点领域) from the data.
 *
 * The plan asks for a data analysis of the prior year's key areas and of the
 * first half of the current year (occupational disease, safety accidents,
 * work-injury accidents), and 四(一) names what makes an industry a priority:
 * high accident and occupational-disease rates, many deaths and high-grade
 * disabilities, and a high 支缴率 (fund payout ÷ contributions). No national
 * text turns these into a formula, so gsyf ranks industries with a documented,
 * configurable {@link Weighting} (its default is a gsyf choice), then
 * {@link select}s the top ones and adds the areas a higher-level document
 * mandates (for example the hazardous-chemicals capacity programme).
 *
 * Scores are computed as exact fractions; the `Decimal` figures shown are
 * derived from them (exact when the fraction terminates, else 40 significant
 * digits), and ranking compares the exact fractions.
 *
 * @since 0.1.0
 */
export * as KeyAreas from "./lifecycle/3.1-key-areas/KeyAreas.js"

/**
 * Where a rule or a parameter value comes from: a section of the city's own
 * implementation plan (实施方案 三(四)), a national text (人社部规〔2017〕13号
 * 第五条), or a provincial, city or plugin source.
 *
 * ## The catalog: bases stored by reference
 *
 * Every event carries its legal bases, nearly always the same few dozen texts. A store keeps each one the library
 * cites as a short reference to the {@link catalog} instead of its whole text:
 *
 * ```
 * ref = "lb:" + first 16 hex characters of SHA-256(canonical({ level, citation, note? }))
 * ```
 *
 * where `canonical` is RFC 8785 JSON (keys sorted, no whitespace; a basis without a note has no `note` key), e.g.
 * `{"citation":"实施方案 四","level":"plan"}`. Because a reference is the hash of its text, the audit trail's hash
 * of an event covers what its bases say, and a catalog entry whose text was changed no longer resolves: its
 * reference is not the hash of the changed text, and decoding an event that cites it fails ({@link resolve}).
 * The catalog is append-only: an entry is never removed, so every stored reference stays resolvable by every
 * later version (`packages/scenarios/test/legalBases.ts` appends the bases the library cites; a test fails when
 * one is missing or an entry was removed). A basis not in the catalog (a plugin's, a city's, a province's text) is
 * stored whole.
 *
 * An outside auditor resolves a reference with the catalog (`LegalBasis.catalog`) and rechecks it in Python:
 *
 * ```python
 * body = {"level": level, "citation": citation, **({"note": note} if note is not None else {})}
 * canon = json.dumps(body, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
 * assert ref == "lb:" + hashlib.sha256(canon.encode("utf-8")).hexdigest()[:16]
 * ```
 *
 * @since 0.1.0
 */
export * as LegalBasis from "./kernel/LegalBasis.js"

/**
 * The lifecycle of a project — one city, one year, its two sub-projects — as a decider (named `Project` before
 * 0.2, which remains as a deprecated alias): `decide(command, state)` answers with events or a typed rejection,
 * `evolve(state, event)` folds them. The whole of 实施方案 三 and 四 runs through it, one folder per plan section
 * (`lifecycle/3.1-key-areas` … `lifecycle/4-deliverables`), each with its commands, events, guards, handlers and
 * folds; the decider is assembled here from exhaustive records over the command names.
 *
 * Deciding a command: a retried command id gives no events; the actor's role must be allowed; the section's input
 * checks run; then the command's guards (`Guard`, with the plugins' additions, overrides and removals) in order;
 * then its handler, which may run stage rules and traced computations. Every guard evaluation that read
 * parameters or found something is recorded in the event. A rejected command changes nothing.
 *
 * @since 0.1.0
 */
export * as Lifecycle from "./lifecycle/Lifecycle.js"

/**
 * Money in yuan (元), exact to the fen (分), backed by decimal.js.
 *
 * Amounts are never JavaScript floats. Every place where a computation has to
 * round (a percentage of a contract, 万元 to 元) names its {@link Rounding}, and
 * {@link allocate} splits a total so that the parts always add up to it exactly.
 *
 * Formatting covers `¥1,234.56`, 万元 and the capital-letter amount of the
 * 《支付结算办法》附件一《正确填写票据和结算凭证的基本规定》 (人民币壹拾贰万叁仟元整).
 *
 * @since 0.1.0
 */
export * as Money from "./kernel/Money.js"

/**
 * National floors and ceilings on parameters. A parameter that national law bounds (至少3家, 不少于10日,
 * 不得少于2/3, 30日内, 原则上不超过3%) declares its bound with the citation; a city or province may be
 * stricter, never looser. A file that is looser fails when it loads, with a {@link BoundIssue} naming the
 * parameter, the value, the bound and the law — unless the law allows a looser value with an approval and the
 * approval is recorded in the parameter the bound names (the fee cap's provincial approval, a price weight
 * outside 10%–30% with the finance department's approval).
 *
 * @since 0.2.0
 */
export * as NationalBound from "./rules/NationalBound.js"

/**
 * Every blank `x` of the plan as a named, typed, documented parameter with a unit, a legal basis and an
 * effective-dated value history (OpenFisca style). The catalogue is the sections' trees merged
 * (`lifecycle/3.3-budget/parameters.ts` declares `budget.*` and `fund.*`, and so on): each name is written once,
 * as its path in the tree, and a parameter's plan section is its folder's unless it says otherwise.
 *
 * National defaults come with their citation. A parameter that no national text fixes has no default and must be
 * given by the city. The machinery (sets, histories, overlays, trees) is `ParameterSet`; its functions are also
 * exported here.
 *
 * @since 0.1.0
 */
export * as Parameter from "./lifecycle/Parameter.js"

/**
 * Parameters as values: definitions (title, unit, plan section, legal basis, schema, default), trees of them
 * declared OpenFisca style ({@link Tree}, {@link section}, {@link merge}), and parameter sets with an
 * effective-dated value history per name (a value applies from its date until the next one, so a 2022 plan and a
 * 2026 plan read different values from the same file). The plan's own catalogue, built from the sections'
 * trees, is `Parameter`.
 *
 * @since 0.2.0
 */
export * as ParameterSet from "./rules/ParameterSet.js"

/**
 * Payment rules (实施方案 六(二)): the advance is the contract amount times the
 * advance percentage and is payable only once the contract is signed; the
 * balance is the contract amount minus everything paid and is payable only
 * after acceptance passes; nothing is paid beyond the contract; the payee must
 * be the one in the contract; the balance falls due a set number of days after
 * acceptance.
 *
 * @since 0.1.0
 */
export * as Payment from "./lifecycle/3.6-contract/Payment.js"

/**
 * Performance targets (绩效目标) as measures over the recorded evidence: the
 * number of pieces of evidence of a kind, or the sum of one of their numeric
 * fields, at least a declared value. The plan declares them per sub-project
 * (`acceptance.performanceTargets`, none by default); at acceptance each is
 * computed from the sub-project's evidence up to the evaluation date.
 *
 * @since 0.1.0
 */
export * as PerformanceTarget from "./lifecycle/3.9-acceptance/PerformanceTarget.js"

/**
 * Plain values and Promises for hosts that do not use Effect. Functions across gsyf return `Either` (parameters,
 * money and capitals, documents, OCDS) or `Effect` (rendering to bytes); these helpers turn either into a plain
 * result object, a value or a Promise, so a host needs no `effect` import of its own:
 *
 * @example
 * ```ts
 * import { Money, Parameter, Plain } from "@gsyf/core"
 *
 * const parameters = Plain.result(Parameter.load(cityFile))        // { ok: true, value } | { ok: false, error }
 * if (!parameters.ok) console.log(parameters.error.issues)         // every bad field path, zh and en
 * const words = Plain.unwrap(Money.capital(Money.unsafeYuan("872000"))) // "人民币捌拾柒万贰仟元整"
 * const pdf: Uint8Array = await Plain.promise(Pdf.render(document))     // an Effect, awaited
 * ```
 *
 * @since 0.2.0
 */
export * as Plain from "./runtime/Plain.js"

/**
 * Rules over a city's parameter set as a whole (实施方案 三(二), run when the plan is issued): ranges and orders
 * of the parameters, and with them the budget's rules of `BudgetRules` (三(三)). Evaluating them is the first
 * thing gsyf does with a plan.
 *
 * @since 0.1.0
 */
export * as PlanRules from "./lifecycle/3.2-plan/PlanRules.js"

/**
 * The plugin API. A plugin is a typed value with a manifest (name, version,
 * what it adds, overrides and removes) that can
 *
 * - override parameter values (a province's publicity length) or add parameters,
 * - add rules to a stage (a province's publicity/training split, per-project caps,
 *   a threshold above which public tender is required) or guards to any command,
 * - override a rule or guard by id with an explicit priority,
 * - remove a rule or guard, stating the legal reason (recorded in its manifest and
 *   the configuration),
 * - add deliverable types with their quota items, and procurement methods (values
 *   with their titles, bases, guards and award paths),
 * - supply calendar years (next year's holiday notice),
 * - subscribe to committed events.
 *
 * Conflicts fail at load time and name both plugins: two overrides of one rule
 * without distinct priorities, two plugins setting the same parameter, a rule
 * added under an id that already exists, an override or removal of a rule that
 * does not exist, a rule both overridden and removed, a method without an award path.
 *
 * @since 0.1.0
 */
export * as Plugin from "./plugin/Plugin.js"

/**
 * 实施方案 三(五): procuring the two sub-projects.
 *
 * - The key-areas training and publicity sub-project is bought by
 *   **competitive consultation** (竞争性磋商, 财库〔2014〕214号, with the
 *   two-supplier exception of 财库〔2015〕124号 for government-purchased
 *   services). {@link consultationRules} check the supplier count, the panel,
 *   the document period and the price weight; {@link scoreConsultation} runs the
 *   comprehensive scoring (综合评分法, low-price-first price score).
 * - The hazardous-chemicals training sub-project is bought **dispersedly**
 *   (分散采购): the social-insurance agency invites staff of the emergency
 *   management (应急) and human resources and social security (人社)
 *   departments, or experts those departments recommend, to a review panel
 *   that scores the proposals. {@link panelReviewRules} check the panel and
 *   that the criteria were published before scoring; {@link scorePanelReview}
 *   aggregates the panel's scores.
 *
 * Every score is computed as an exact fraction and ranked on it; the decimals
 * shown are derived from the fractions, and displayed totals are rounded
 * half-up to 2 decimals only for display.
 *
 * @since 0.1.0
 */
export * as Procurement from "./lifecycle/3.5-procurement/Procurement.js"

/**
 * The former name of `Lifecycle` (the project decider), kept so that hosts written against 0.1 still compile.
 *
 * @deprecated Since 0.2.0: import `Lifecycle` from `@gsyf/core` (or `@gsyf/core/Lifecycle`); the values and types are
 * the same.
 * @since 0.1.0
 */
export * as Project from "./lifecycle/Project.js"

/**
 * The commands that drive a project through the lifecycle of 实施方案 三 and 四, assembled from the sections'
 * folders (`lifecycle/3.1-key-areas/commands.ts` … `lifecycle/4-deliverables/commands.ts`) in plan order.
 * Every command carries a command id (a retried command is recognised and not
 * applied twice), who gives it and when. Which roles may give each command is
 * listed in {@link allowedRoles}.
 *
 * @since 0.1.0
 */
export * as ProjectCommand from "./lifecycle/ProjectCommand.js"

/**
 * The events of a project, assembled from the sections' folders (`lifecycle/3.1-key-areas/events.ts` …) in plan
 * order. Each records who acted and when, the command it
 * answers, the rules evaluated with their findings and parameter reads, and
 * the legal basis. Nothing is edited in place: a correction is a new event
 * that names the one it corrects.
 *
 * Events carry a schema version; {@link codec} upcasts older stored versions
 * before decoding and refuses versions it does not know.
 *
 * ## The stored form
 *
 * {@link Event} is an event as the library's API gives and takes it: every legal basis whole. A store writes the
 * {@link Stored} form (schema version 2), which says the same in far fewer bytes:
 *
 * - a legal basis the library's catalog holds is written as its reference, `"lb:"` and 16 hex characters of the
 *   SHA-256 of its canonical JSON (see `LegalBasis`); any other basis (a plugin's, a city's) is written whole;
 * - an evaluation that read no parameter and found nothing is written as its bare rule id, and the others leave
 *   out their empty `reads` or `findings`.
 *
 * The audit trail hashes the stored data, so an event's hash covers its references, and each reference is the
 * hash of its basis's text: the chain still covers what the event means. Rows of version 1 (every basis and
 * evaluation whole) keep their stored bytes and hashes; {@link upcasters} turn them into version 2 when they are
 * read.
 *
 * From schema version 3 a store keeps who acted, the legal basis and the rules evaluated ({@link recordFields}) once
 * per distinct combination, in a record beside the events (`EventStore.NewEvent` `record`): a row holds the rest of
 * the event and names its record by the SHA-256 of the record's canonical JSON (`"$record"`), so the chain's hash
 * still covers what the event means. A stream of thousands of deliverables shares a handful of records, and a replay
 * decodes each record once. Rows of versions 1 and 2 hold those fields in the row and are read as before.
 *
 * @since 0.1.0
 */
export * as ProjectEvent from "./lifecycle/ProjectEvent.js"

/**
 * The service a host embeds: run commands against stored projects, read their
 * state, quota progress, payments and deadlines, verify and export their audit
 * trails. It works over any {@link EventStore} adapter (memory, SQLite,
 * PostgreSQL) without a line of difference.
 *
 * @example
 * ```ts
 * import { Effect, Layer } from "effect"
 * import { EventStore, ProjectService, ReadModels } from "@gsyf/core"
 *
 * const program = Effect.gen(function*() {
 *   const projects = yield* ProjectService.ProjectService
 *   const done = yield* projects.execute("sample-city-2026", command)
 *   return done.events.map((e) => e._tag)
 * })
 * program.pipe(
 *   Effect.provide(ProjectService.layer(config).pipe(Layer.provide(EventStore.layerMemory({ projections:
 * ReadModels.projections(config) }))))
 * )
 * ```
 *
 * @since 0.1.0
 */
export * as ProjectService from "./runtime/ProjectService.js"

/**
 * The state of a project as the decider sees it, its status, and the one fold of events into it ({@link evolve}),
 * assembled from the folds of the sections (`lifecycle/3.1-key-areas/evolve.ts` …): the compiler names every
 * event a section must fold.
 *
 * @since 0.2.0
 */
export * as ProjectState from "./lifecycle/ProjectState.js"

/**
 * Read models kept in the same transaction as the events they are computed
 * from, and rebuildable from those events at any time.
 *
 * A projection names the documents an event touches ({@link Projection.keysOf})
 * and computes each document's next value ({@link Projection.reduce}); the store
 * keeps one JSON document per `(projection, key)` in its `read_models` table,
 * together with the global position of the last event applied. Because the
 * documents are written inside the append transaction, a reader never sees an
 * event without its read models or the other way round.
 *
 * Projections are registered when the store layer is built:
 *
 * ```ts
 * import { EventStore, Projection } from "@gsyf/core"
 *
 * const countByType = Projection.make<{ readonly count: number }>({
 *   name: "count-by-type",
 *   version: 1,
 *   keysOf: (event) => [event.type],
 *   reduce: (doc, _event) => ({ count: (doc?.count ?? 0) + 1 })
 * })
 *
 * const StoreLive = EventStore.layerMemory({ projections: [countByType] })
 * // or SqliteEventStore.layer({ filename, projections: [countByType] })
 * // or PgEventStore.layer({ url, projections: [countByType] })
 * ```
 *
 * When a projection's `version` changes, the SQL stores rebuild it from the
 * events when the layer starts; `EventStore.rebuild(name)` does it on demand.
 *
 * A document with a list that grows with history can keep that list as rows of
 * its own (`rows`): each piece is written once, by the event that adds it, and
 * the document itself stays small, so that an event's writes do not grow with
 * the list. Readers (`readModel`, `listReadModel`) get the document with its
 * list whole, as if it were one document ({@link assemble}).
 *
 * @since 0.1.0
 */
export * as Projection from "./runtime/Projection.js"

/**
 * The former name of `ProjectService` (the service a host embeds), kept so that hosts written against 0.1 still
 * compile: `Projects.Projects` is the `ProjectService.ProjectService` tag.
 *
 * @deprecated Since 0.2.0: import `ProjectService` from `@gsyf/core` (or `@gsyf/core/ProjectService`) and use its
 * `ProjectService` tag.
 * @since 0.1.0
 */
export * as Projects from "./runtime/Projects.js"

/**
 * The deliverable quotas of 实施方案 四 and their progress: for each item the
 * number required (a parameter), the number delivered (counted from the
 * recorded evidence) and whether it is met. Acceptance checks them all.
 *
 * @since 0.1.0
 */
export * as Quota from "./lifecycle/4-deliverables/Quota.js"

/**
 * The read models a host needs, kept by the event store in the same
 * transaction as the events and rebuildable from them:
 *
 * - `gsyf.projects` (key: project id): status, last event, next deadline;
 * - `gsyf.payment-ledger` (key: `<project>/<sub-project>`, one contract each): contract amount, advance and balance,
 * payments, outstanding;
 * - `gsyf.quota-progress` (key: `<project>/<sub-project>`): done / required per quota item;
 * - `gsyf.briefings` (key: `<project>/<sub-project>`): briefing months submitted, due dates, lateness;
 * - `gsyf.audit` (key: project id): length and head hash of the project's chain, for the audit export;
 * - `gsyf.acceptance-reports` (key: project id): the filed acceptance reports with every quota result, which
 *   三(九) makes the basis of next year's project.
 *
 * Projections read the stored (encoded) events and, for quota progress, the
 * parameters and quota items of the configuration; register them with
 * `projections(config)` when building the store layer.
 *
 * @since 0.1.0
 */
export * as ReadModels from "./runtime/ReadModels.js"

/**
 * Why a command is rejected: the actor may not give it (`Unauthorized`), it comes at the wrong point of the
 * lifecycle (`OutOfOrder`), rules found errors (`RuleViolation`), or its input is malformed (`InvalidInput`).
 * A rejected command changes nothing.
 *
 * @since 0.2.0
 */
export * as Rejection from "./lifecycle/Rejection.js"

/**
 * Rules as values. A rule has a stable id (`budget.split-sum`), titles in
 * Chinese and English, the plan section it belongs to, its legal basis, the
 * parameters it reads, and a pure evaluation that returns structured
 * {@link Finding}s — never a bare boolean.
 *
 * @since 0.1.0
 */
export * as Rule from "./rules/Rule.js"

/**
 * Evaluating rules: a report of findings plus a trace of every parameter value
 * read (with the date it took effect and its basis), stamped with the rule
 * set's version so a result can be explained later.
 *
 * @since 0.1.0
 */
export * as RuleSet from "./rules/RuleSet.js"

/**
 * The security log: refused attempts — a command its actor may not give, a command given in another party's
 * name, a command id reused for another command — written where the host can read them, outside the project's
 * audit trail (a refused command never enters the project's chain). `ProjectService` and `Client` write to it
 * when they are given one.
 *
 * ```ts
 * const log = SecurityLog.memory()
 * const projects = yield* ProjectService.make(config, { securityLog: log })
 * // … later
 * log.entries() // [{ kind: "unauthorized", ruleIds: ["actors.own-bid"], … }]
 * ```
 *
 * @since 0.2.0
 */
export * as SecurityLog from "./runtime/SecurityLog.js"

/**
 * Snapshots of folded states, so that loading a long stream reads one stored
 * state and the events after it instead of every event since the first.
 *
 * A snapshot is stored per stream and per fold (`StateCodec.name`) with the
 * stream version it folds, the hash of the event at that version (the chain
 * head) and the codec's `version`. It is used only when all three still hold:
 * the stream's event at that version has that hash (so the snapshot was folded
 * from this very chain, which the hash commits to), and the codec's version is
 * the one it was written with (bump it whenever the fold or the state's shape
 * changes, and older snapshots are ignored and written again). A snapshot that
 * fails any check, or that does not decode, is ignored: the stream is replayed
 * from its first event, as without snapshots. Snapshots are an optimisation
 * only; the events stay the record. The head check ties a snapshot to the chain
 * it was folded from, but the state text itself is not signed: whoever can
 * write the store's tables can write a snapshot too (as they can write rows
 * that a checkpoint or receipts then expose), so an audit reads the events.
 *
 * With `CommandHandler.handle` and `load` (option `snapshots`, see
 * {@link Options}) a snapshot is written when a command takes the stream across
 * a multiple of `every` events, and when a load had to fold `every` events or
 * more beyond the newest usable snapshot (a store written before snapshots, or
 * after the codec's version changed). Writing one never fails a command. Stores
 * without the optional `readSnapshot` / `writeSnapshot` operations simply
 * replay.
 *
 * ```ts
 * const snapshots = { codec: Snapshot.structural<CounterState>("counter", 1), every: 500 }
 * yield* CommandHandler.handle(counter, counterCodec, "counter-1", command, commandId, { snapshots })
 * ```
 *
 * @since 0.2.0
 */
export * as Snapshot from "./runtime/Snapshot.js"

/**
 * Audits a whole event store, optionally against a signed {@link Checkpoint}
 * kept outside the database and with the rebuilt read models compared to the
 * stored ones. Each problem is a finding that names the stream and position,
 * the command or the read-model key, in Chinese and English.
 *
 * What is checked:
 *
 * - every stream's hash chain (`AuditTrail`): an edited payload, timestamp or
 *   link, a deleted or moved event;
 * - every event belongs to a command row covering its position, every row to
 *   its events (edited or deleted command rows);
 * - receipts (`AuditKey`), given the public keys: a chain recomputed after an
 *   edit, a forged or edited command row, a forged append;
 * - against a checkpoint: a stream gone or cut short, a head that changed (an
 *   edit with the chain recomputed forward), changed global positions, command
 *   rows edited, deleted or added, the checkpoint's own signature; events after
 *   the checkpoint without a valid receipt when the checkpoint says appends are
 *   signed (a forged append);
 * - with `readModels: true`: every registered projection rebuilt in memory from
 *   the events and compared document by document with the stored read models
 *   (including `gsyf.audit`, the stored head of each project's chain).
 *
 * ```ts
 * const report = yield* StoreAudit.verify(store, { checkpoint, keys: [verifier], readModels: true })
 * if (!report.ok) for (const f of report.findings) console.log(f.zh, f.en)
 * ```
 *
 * @since 0.2.0
 */
export * as StoreAudit from "./runtime/StoreAudit.js"

/**
 * Process supervision (实施方案 三(八)): the provider's monthly plan and
 * progress briefing is due by a set day of each month; missing and late months
 * can be read at any date.
 *
 * The briefing for month M (its plan for M and its progress so far) is due on
 * day `supervision.briefingDueDay` of M. Months run from the month after the
 * contract is signed to the month in which the contract period ends. A due
 * day that is a rest day moves to the next working day (民法典 第二百零三条).
 * A calendar that does not cover the year answers `CalendarYearNotCovered`:
 * the day as written is never taken for a working day.
 *
 * @since 0.1.0
 */
export * as Supervision from "./lifecycle/3.8-supervision/Supervision.js"

/**
 * Text given by people: names, titles, reasons. Read in Unicode normal form C (so that a name typed with a
 * combining accent and one typed precomposed are the same name) and refused when nothing visible is left once
 * spaces and format characters (zero-width spaces and joiners, direction marks, the byte-order mark) are
 * removed.
 *
 * @since 0.2.0
 */
export * as Text from "./kernel/Text.js"

/**
 * Amounts written with their unit, as a city writes them in a parameter file:
 * `"230万元"`, `"230万"`, `"2300000.01元"`, `"2,300,000.01 元"`, or a bare
 * number (or numeric text) in the unit the parameter is expressed in. The
 * result keeps what was written and how it was read, so a loader can say
 * which reading it made (`"2300000.01元" read as 2300000.01 yuan =
 * 230.000001万元`).
 *
 * Exactness is that of {@link Money}: an amount must come to whole fen
 * (at most two decimals in 元, six in 万元), and numbers are read through
 * their shortest decimal text, never through binary arithmetic.
 *
 * @since 0.2.0
 */
export * as WrittenAmount from "./kernel/WrittenAmount.js"
