import type { SpecGroupData } from "@/lib/catalog/types";

/** Specifications tab: one table per group, labels as row headers. */
export function SpecsPanel({ name, groups }: { name: string; groups: SpecGroupData[] }) {
  return (
    <div>
      <h2 className="mb-6 text-xl font-semibold text-ink-900">{name} specifications</h2>
      {groups.length === 0 ? (
        <p className="text-ink-600">Full specifications are on their way.</p>
      ) : (
        <div className="grid gap-x-12 gap-y-8 lg:grid-cols-2">
          {groups.map((group) => (
            <table key={group.name} className="w-full border-collapse self-start text-left text-sm">
              <caption className="mb-2 text-left text-base font-semibold text-ink-900">{group.name}</caption>
              <tbody>
                {group.rows.map((row) => (
                  <tr key={`${row.label}:${row.value}`} className="border-t border-ink-100 last:border-b">
                    <th scope="row" className="w-2/5 py-3 pr-4 align-top font-medium text-ink-600">
                      {row.label}
                    </th>
                    <td className="py-3 align-top text-ink-900">{row.value}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          ))}
        </div>
      )}
    </div>
  );
}
