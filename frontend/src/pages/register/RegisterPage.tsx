export default function RegisterPage() {
  return <section className="page"><h1>RegisterPage</h1></section>;
}
