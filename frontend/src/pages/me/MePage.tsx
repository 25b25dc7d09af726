export default function MePage() {
  return <section className="page"><h1>MePage</h1></section>;
}
