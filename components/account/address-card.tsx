import { addressLines, formatMobile } from "@/lib/addresses/rules";

export interface AddressView {
  recipientName: string;
  mobile: string;
  province: string;
  city: string;
  district: string;
  street: string;
  postcode: string;
}

/** An address as a parcel label shows it: who, their number, then the address from the street out. */
export function AddressLabel({ address }: { address: AddressView }) {
  return (
    <address className="text-sm not-italic leading-6 text-ink-700">
      <span className="font-semibold text-ink-900">{address.recipientName}</span>
      <span className="text-ink-500"> · {formatMobile(address.mobile)}</span>
      {addressLines(address).map((line) => (
        <span key={line} className="block">
          {line}
        </span>
      ))}
    </address>
  );
}
