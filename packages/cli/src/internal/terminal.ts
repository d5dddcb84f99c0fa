/**
 * What `@effect/cli` needs from the platform, written for Node without `@effect/platform-node` (which would bring
 * a cluster runtime along): a terminal that writes help and errors to standard output, a path service, and a file
 * system that is never asked for (the command line reads its files itself). @internal
 */
import * as FileSystem from "@effect/platform/FileSystem"
import * as Path from "@effect/platform/Path"
import * as Terminal from "@effect/platform/Terminal"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import * as Mailbox from "effect/Mailbox"
import { clean } from "./output.js"

const terminal: Terminal.Terminal = {
  columns: Effect.sync(() => process.stdout.columns ?? 100),
  rows: Effect.sync(() => process.stdout.rows ?? 40),
  isTTY: Effect.sync(() => process.stdout.isTTY === true),
  readInput: Effect.flatMap(Mailbox.make<Terminal.UserInput>(), (mailbox) => Effect.as(mailbox.end, mailbox)),
  readLine: Effect.fail(new Terminal.QuitException()),
  display: (text) => Effect.sync(() => void process.stdout.write(clean(text)))
}

/** The environment `Command.run` asks for. @internal */
export const environment = Layer.mergeAll(
  Layer.succeed(Terminal.Terminal, terminal),
  Path.layer,
  FileSystem.layerNoop({})
)
