import type { Metadata } from "next";
import { ShipmentUploadForm } from "@/components/admin/shipment-upload-form";
import { Card, PageHeader } from "@/components/admin/ui";
import { requireMarketerPage } from "@/lib/auth/marketer-page";
import { CARRIERS } from "@/lib/fulfilment/carriers";
import { uploadShipmentsAction } from "../actions";

export const metadata: Metadata = { title: "Upload tracking numbers" };

export default async function UploadShipmentsPage() {
  await requireMarketerPage("/admin/orders/upload");
  return (
    <>
      <PageHeader
        title="Upload tracking numbers"
        parent={{ href: "/admin/orders", label: "Orders" }}
        description="Ships packed orders from a carrier's manifest. Orders must be paid and packed first."
      />
      <div className="grid gap-6 xl:grid-cols-[minmax(0,3fr)_minmax(0,1fr)]">
        <div className="min-w-0">
          <ShipmentUploadForm action={uploadShipmentsAction} />
        </div>
        <Card title="Carriers" titleId="carriers-title" className="self-start">
          <ul className="space-y-2 text-sm">
            {CARRIERS.map((c) => (
              <li key={c.code}>
                <span className="font-semibold text-ink-900">{c.name}</span>{" "}
                <code className="text-xs text-ink-600">{c.code}</code>
                <span className="block text-xs text-ink-500">e.g. {c.example}</span>
              </li>
            ))}
          </ul>
        </Card>
      </div>
    </>
  );
}
