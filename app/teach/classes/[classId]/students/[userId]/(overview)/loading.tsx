import { PageSkeleton } from "@/components/analytics/page-skeletons";

export default function Loading() {
  return <PageSkeleton />;
}
