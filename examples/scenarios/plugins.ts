/**
 * The plugin registry the example scenarios name plugins from: the two
 * example packs of `@gsyf/example-plugins`, and a rival of the city pack that
 * overrides the same rule (`acceptance.expert-panel`) at the same priority,
 * so that `plugin-override-conflict.yaml` can show the load-time conflict.
 * Pass it as `Scenario.run(s, { plugins: registry() })`.
 */
import { Plugin, type Plugin as PluginType } from "@gsyf/core"
import { CityPack, ProvincePack } from "@gsyf/example-plugins"

/** A second city-level pack overriding `acceptance.expert-panel` at the city pack's default priority (10). */
export const rivalCityPack: PluginType.Plugin = Plugin.make(
  {
    name: "example-district-pack",
    version: "0.1.0",
    description: "示例区规则包:同样覆盖验收专家人数规则(用于演示覆盖冲突)"
  },
  { overrides: [{ stage: "acceptanceGuard", priority: 10, rule: CityPack.oddExpertPanel }] }
)

/** The registry: scenario plugin names to plugins (a fresh city pack, with its own notification inbox, per call). */
export const registry = (): ReadonlyMap<string, PluginType.Plugin> =>
  new Map<string, PluginType.Plugin>([
    ["ProvincePack", ProvincePack.plugin],
    ["CityPack", CityPack.make()],
    ["DistrictPack", rivalCityPack]
  ])
