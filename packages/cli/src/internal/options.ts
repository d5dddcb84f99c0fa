/**
 * The options the subcommands share, declared once with `@effect/cli` (unknown flags and missing values are then
 * refused by the parser, with exit code 2). A subcommand takes the groups it needs: `store` for commands that open
 * a store, `json` for machine output, `plan` for the parameter file. @internal
 */
import * as Args from "@effect/cli/Args"
import * as Options from "@effect/cli/Options"
import type * as Option from "effect/Option"
import * as Schema from "effect/Schema"

/** `--json`: machine output on standard output, messages on standard error. @internal */
export const json = Options.boolean("json").pipe(
  Options.withDescription("机器可读的 JSON 输出(提示信息写入标准错误) / JSON on stdout, messages on stderr")
)

/** `--plan <file>`: the city's parameter file (default: the seed plan shipped with the package). @internal */
export const plan = Options.text("plan").pipe(
  Options.withDescription("参数文件(默认:随包附带的示例方案)/ parameter file (default: the bundled seed plan)"),
  Options.optional
)

/** `--plugins a,b`: plugins by name (the example packs, or a registry module's). @internal */
export const plugins = Options.text("plugins").pipe(
  Options.withDescription("插件名称,以逗号分隔 / plugin names, comma-separated"),
  Options.optional
)

/** Where the events are: SQLite file or PostgreSQL URL, with the store's placement. @internal */
export const store = {
  db: Options.text("db").pipe(
    Options.withDescription("SQLite 数据库文件(默认 out/gsyf-demo.db)/ SQLite database file"),
    Options.optional
  ),
  pg: Options.text("pg").pipe(
    Options.withDescription("PostgreSQL 连接地址(或环境变量 GSYF_DATABASE_URL)/ PostgreSQL URL"),
    Options.optional
  ),
  schema: Options.text("schema").pipe(
    Options.withDescription("PostgreSQL 模式名 / PostgreSQL schema of the store's tables"),
    Options.optional
  ),
  tablePrefix: Options.text("table-prefix").pipe(
    Options.withDescription("表名前缀 / prefix of the store's table names"),
    Options.optional
  )
}

/** The parsed store options. @internal */
export interface StoreOptions {
  readonly db: Option.Option<string>
  readonly pg: Option.Option<string>
  readonly schema: Option.Option<string>
  readonly tablePrefix: Option.Option<string>
}

/**
 * A positional argument. A value that starts with `--` is refused (exit code 2): it is an option whose value was
 * left out (`gsyf plan --plugins`), never a file or project name. @internal
 */
export const positional = (name: string, description: string) =>
  Args.text({ name }).pipe(
    Args.withDescription(description),
    Args.withSchema(
      Schema.String.pipe(
        Schema.filter((s) => !s.startsWith("--"), {
          message: () => `${name}: '--…' is an option without its value, not a ${name}`
        })
      )
    )
  )
