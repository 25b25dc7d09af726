export default function StockPage() {
  return <section className="page"><h1>StockPage</h1></section>;
}
