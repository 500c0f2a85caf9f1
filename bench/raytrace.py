# bench/raytrace.py — a small recursive ray tracer: spheres and a checkered
# plane, point lights, Lambert + Phong shading, reflections and shadows.
# Renders a WxH image into a list of RGB tuples and prints a checksum.
import sys
from math import sqrt

EPS = 1e-6


class V:
    __slots__ = ("x", "y", "z")

    def __init__(self, x, y, z):
        self.x, self.y, self.z = x, y, z

    def __add__(self, o):
        return V(self.x + o.x, self.y + o.y, self.z + o.z)

    def __sub__(self, o):
        return V(self.x - o.x, self.y - o.y, self.z - o.z)

    def scale(self, k):
        return V(self.x * k, self.y * k, self.z * k)

    def dot(self, o):
        return self.x * o.x + self.y * o.y + self.z * o.z

    def cross(self, o):
        return V(self.y * o.z - self.z * o.y, self.z * o.x - self.x * o.z, self.x * o.y - self.y * o.x)

    def mul(self, o):
        return V(self.x * o.x, self.y * o.y, self.z * o.z)

    def norm(self):
        m = sqrt(self.dot(self))
        return V(self.x / m, self.y / m, self.z / m)

    def reflect(self, n):
        return self - n.scale(2 * self.dot(n))


class Ray:
    __slots__ = ("o", "d")

    def __init__(self, o, d):
        self.o, self.d = o, d

    def at(self, t):
        return self.o + self.d.scale(t)


class Sphere:
    def __init__(self, c, r, color, refl):
        self.c, self.r, self.color, self.refl = c, r, color, refl

    def intersect(self, ray):
        oc = ray.o - self.c
        b = oc.dot(ray.d)
        c = oc.dot(oc) - self.r * self.r
        disc = b * b - c
        if disc < 0:
            return None
        s = sqrt(disc)
        t = -b - s
        if t > EPS:
            return t
        t = -b + s
        return t if t > EPS else None

    def normal(self, p):
        return (p - self.c).norm()

    def color_at(self, p):
        return self.color


class Plane:
    def __init__(self, p, n, refl):
        self.p, self.n, self.refl = p, n.norm(), refl

    def intersect(self, ray):
        den = ray.d.dot(self.n)
        if abs(den) < EPS:
            return None
        t = (self.p - ray.o).dot(self.n) / den
        return t if t > EPS else None

    def normal(self, p):
        return self.n

    def color_at(self, p):
        if (int(p.x * 2 + 1000) + int(p.z * 2 + 1000)) % 2:
            return V(0.9, 0.9, 0.9)
        return V(0.1, 0.1, 0.1)


class Scene:
    def __init__(self):
        self.objects = [
            Sphere(V(0, 1, 3), 1.0, V(0.9, 0.2, 0.2), 0.3),
            Sphere(V(-2, 0.7, 4), 0.7, V(0.2, 0.9, 0.2), 0.2),
            Sphere(V(2, 0.5, 2.5), 0.5, V(0.2, 0.3, 0.9), 0.5),
            Plane(V(0, 0, 0), V(0, 1, 0), 0.2),
        ]
        self.lights = [(V(-5, 8, -3), V(1, 1, 1)), (V(4, 5, -2), V(0.4, 0.4, 0.5))]
        self.ambient = 0.08

    def closest(self, ray):
        best_t = None
        best = None
        for obj in self.objects:
            t = obj.intersect(ray)
            if t is not None and (best_t is None or t < best_t):
                best_t, best = t, obj
        return best, best_t

    def shadowed(self, p, light_pos):
        d = light_pos - p
        dist = sqrt(d.dot(d))
        ray = Ray(p, d.scale(1 / dist))
        for obj in self.objects:
            t = obj.intersect(ray)
            if t is not None and t < dist:
                return True
        return False

    def trace(self, ray, depth):
        obj, t = self.closest(ray)
        if obj is None:
            return V(0.05, 0.05, 0.15)
        p = ray.at(t)
        n = obj.normal(p)
        base = obj.color_at(p)
        col = base.scale(self.ambient)
        for (lp, lc) in self.lights:
            if self.shadowed(p, lp):
                continue
            l = (lp - p).norm()
            diff = n.dot(l)
            if diff > 0:
                col = col + base.mul(lc).scale(diff)
            spec = l.reflect(n).dot(ray.d)
            if spec > 0:
                col = col + lc.scale(spec ** 20 * 0.5)
        if depth < 3 and obj.refl > 0:
            rd = ray.d.reflect(n)
            col = col.scale(1 - obj.refl) + self.trace(Ray(p, rd), depth + 1).scale(obj.refl)
        return col


def render(w, h):
    scene = Scene()
    eye = V(0, 1.5, -4)
    look = V(0, 1, 3)
    fwd = (look - eye).norm()
    right = fwd.cross(V(0, 1, 0)).norm().scale(-1)
    up = right.cross(fwd).scale(-1)
    pixels = []
    for j in range(h):
        for i in range(w):
            x = (i + 0.5) / w * 2 - 1
            y = 1 - (j + 0.5) / h * 2
            d = (fwd + right.scale(x) + up.scale(y * h / w)).norm()
            c = scene.trace(Ray(eye, d), 0)
            pixels.append((min(255, int(c.x * 255)), min(255, int(c.y * 255)), min(255, int(c.z * 255))))
    return pixels


if __name__ == "__main__":
    size = int(sys.argv[1]) if len(sys.argv) > 1 else 200
    px = render(size, size)
    checksum = 0
    for k, (r, g, b) in enumerate(px):
        checksum = (checksum * 31 + r * 65536 + g * 256 + b + k) % 1000000007
    print("raytrace %d: checksum %d mean %.6f" % (size, checksum, sum(r + g + b for r, g, b in px) / len(px)))
