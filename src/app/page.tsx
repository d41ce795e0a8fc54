import Link from "next/link";

export default function HomePage() {
  return (
    <section>
      <h1>Vigila</h1>
      <p>Supervisión de la formación, el control de confianza y las quejas de las corporaciones policiales.</p>
      <p>
        <Link href="/departments">Ver corporaciones</Link>
      </p>
    </section>
  );
}
