/**
 * Why a database cannot be used as a gsyf event store, raised when a store is
 * opened (read-only or read-write) and before anything is written: the file is
 * missing or not a database, the database holds no gsyf store, tables with the
 * store's names belong to something else, or the store's schema is older (in
 * read-only mode) or newer than this code.
 *
 * @since 0.2.0
 */
import * as Schema from "effect/Schema"

/**
 * The reasons, each with its Chinese and English wording.
 *
 * - `missing`: the file (SQLite, read-only) does not exist;
 * - `not-a-database`: the file is not an SQLite database;
 * - `not-a-store`: the database holds no gsyf event store;
 * - `foreign-tables`: tables with the store's names exist but gsyf did not create them
 *   (choose `tablePrefix`, or `schema` on PostgreSQL);
 * - `needs-upgrade`: written by an older gsyf; opening it read-write once upgrades it;
 * - `newer-version`: written by a newer gsyf than this code.
 *
 * @since 0.2.0
 * @category models
 */
export const Reason = Schema.Literal(
  "missing",
  "not-a-database",
  "not-a-store",
  "foreign-tables",
  "needs-upgrade",
  "newer-version"
)

/**
 * @since 0.2.0
 * @category models
 */
export type Reason = typeof Reason.Type

const wording: { readonly [R in Reason]: { readonly zh: string; readonly en: string } } = {
  missing: { zh: "文件不存在", en: "no such file" },
  "not-a-database": { zh: "不是数据库文件", en: "not a database file" },
  "not-a-store": { zh: "其中没有 gsyf 事件存储", en: "it holds no gsyf event store" },
  "foreign-tables": {
    zh: "已有同名的表但并非 gsyf 创建;请设置 tablePrefix(PostgreSQL 也可设置 schema)",
    en: "tables with the store's names exist but gsyf did not create them; set tablePrefix (or schema on PostgreSQL)"
  },
  "needs-upgrade": {
    zh: "由较早版本的 gsyf 写入,须先以读写方式打开一次完成升级",
    en: "written by an older gsyf: open it read-write once to upgrade it"
  },
  "newer-version": { zh: "由较新版本的 gsyf 写入,当前版本无法使用", en: "written by a newer gsyf than this one" }
}

/**
 * A database that cannot be used as a gsyf event store. `location` names the
 * file or the database (never a password); `detail` adds specifics (table names,
 * schema versions).
 *
 * @since 0.2.0
 * @category errors
 */
export class UnusableStore extends Schema.TaggedError<UnusableStore>()("UnusableStore", {
  location: Schema.String,
  reason: Reason,
  detail: Schema.optional(Schema.String)
}) {
  /** Chinese, then English, with the location and the details. */
  override get message(): string {
    const w = wording[this.reason]
    const detail = this.detail === undefined ? "" : `(${this.detail})`
    return `无法作为 gsyf 事件存储使用:${this.location}:${w.zh}${detail} / ` +
      `cannot be used as a gsyf event store: ${this.location}: ${w.en}${detail}`
  }
}
