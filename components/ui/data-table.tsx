import { Card } from "./card";
import { cn } from "./cn";

export interface DataTableColumn {
  label: React.ReactNode;
  className?: string;
}

/** A bordered, horizontally scrolling table with a caption for screen readers; rows are the children. */
export function DataTable({ caption, columns, children, footer }: { caption: string; columns: DataTableColumn[]; children: React.ReactNode; footer?: React.ReactNode }) {
  return (
    <Card className="overflow-x-auto p-0">
      <table className="w-full text-left text-sm">
        <caption className="sr-only">{caption}</caption>
        <thead className="border-b border-border text-muted">
          <tr>
            {columns.map((column, index) => (
              <th key={index} scope="col" className={cn("px-4 py-3 font-medium", column.className)}>
                {column.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="divide-y divide-border">{children}</tbody>
      </table>
      {footer}
    </Card>
  );
}
