import { SectionSkeleton } from "@/components/analytics/page-skeletons";

export default function Loading() {
  return <SectionSkeleton />;
}
