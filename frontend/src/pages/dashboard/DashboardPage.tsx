export default function DashboardPage() {
  return <section className="page"><h1>DashboardPage</h1></section>;
}
