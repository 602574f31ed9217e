#include "core/text_format.hpp"

#include "core/big_integer.hpp"

#include <cmath>
#include <cstdint>
#include <cstring>

namespace explorer {

namespace {

// Characters out, at most size − 1 of them kept, all of them counted.
struct Output {
    char* out;
    std::size_t size;
    std::size_t count = 0;

    void put(char c) {
        if (count + 1 < size) out[count] = c;
        ++count;
    }
    void put(const char* text, std::size_t n) {
        for (std::size_t i = 0; i < n; ++i) put(text[i]);
    }
    void repeat(char c, long n) {
        for (; n > 0; --n) put(c);
    }
    void finish() {
        if (size > 0) out[count < size ? count : size - 1] = '\0';
    }
};

struct Spec {
    bool left = false, plus = false, space = false, alternate = false, zero = false;
    long width = 0;
    long precision = -1; // none
    char conversion = 0;
};

// sign + prefix + zeros + body, padded to the width as the flags say.
void emit(Output& out, const Spec& spec, const std::string& sign, const std::string& body, bool zeroPaddable) {
    const long length = static_cast<long>(sign.size() + body.size());
    const long pad = spec.width > length ? spec.width - length : 0;
    if (!spec.left && !(spec.zero && zeroPaddable)) out.repeat(' ', pad);
    out.put(sign.data(), sign.size());
    if (!spec.left && spec.zero && zeroPaddable) out.repeat('0', pad);
    out.put(body.data(), body.size());
    if (spec.left) out.repeat(' ', pad);
}

void formatInteger(Output& out, const Spec& spec, std::uintmax_t magnitude, bool negative) {
    const char c = spec.conversion;
    const unsigned base = c == 'o' ? 8 : (c == 'x' || c == 'X' || c == 'p') ? 16 : 10;
    const char* digitChars = c == 'X' ? "0123456789ABCDEF" : "0123456789abcdef";
    std::string digits;
    for (std::uintmax_t v = magnitude; v != 0; v /= base) digits.insert(digits.begin(), digitChars[v % base]);
    // The precision is the least number of digits; none for 0 with precision 0.
    const long minimum = spec.precision < 0 ? 1 : spec.precision;
    if (static_cast<long>(digits.size()) < minimum) digits.insert(0, static_cast<std::size_t>(minimum) - digits.size(), '0');
    std::string sign;
    if (c == 'd' || c == 'i') sign = negative ? "-" : spec.plus ? "+" : spec.space ? " " : "";
    if (spec.alternate && c == 'o' && (digits.empty() || digits[0] != '0')) digits.insert(0, "0");
    if ((spec.alternate && magnitude != 0 && (c == 'x' || c == 'X')) || c == 'p') sign = c == 'X' ? "0X" : "0x";
    emit(out, spec, sign, digits, spec.precision < 0);
}

// A double's exact decimal expansion: 0.digits × 10^point, digits without a leading zero ("" for 0).
struct Decimal {
    std::string digits;
    long point = 0;
};

Decimal exactDecimal(double magnitude) {
    const std::uint64_t bits = bitsOf(magnitude);
    const auto biased = static_cast<std::int64_t>(bits >> 52);
    const std::uint64_t fraction = bits & ((std::uint64_t{1} << 52) - 1);
    const std::uint64_t significand = biased == 0 ? fraction : fraction | (std::uint64_t{1} << 52);
    const std::int64_t power = biased == 0 ? -1074 : biased - 1075; // magnitude = significand · 2^power
    Decimal d;
    if (significand == 0) return d;
    BigInteger n = BigInteger::of(significand);
    if (power >= 0) {
        d.digits = n.shiftedLeft(power).decimal();
        d.point = static_cast<long>(d.digits.size());
    } else {
        // significand · 2^power = significand · 5^−power / 10^−power
        n.multiplyByPowerOfFive(-power);
        d.digits = n.decimal();
        d.point = static_cast<long>(d.digits.size()) + static_cast<long>(power);
    }
    while (!d.digits.empty() && d.digits.back() == '0') d.digits.pop_back();
    return d;
}

// The expansion rounded to its first `keep` digits (to nearest, ties to even); keep ≤ 0 rounds
// before the first digit. A carry may add a digit in front (and move the point).
Decimal rounded(Decimal d, long keep) {
    if (keep >= static_cast<long>(d.digits.size())) return d;
    bool up;
    if (keep < 0) {
        up = false; // the first digit lies below half of the unit kept
    } else {
        const char next = d.digits[static_cast<std::size_t>(keep)];
        const bool rest = d.digits.find_first_not_of('0', static_cast<std::size_t>(keep) + 1) != std::string::npos;
        const bool odd = keep > 0 && (d.digits[static_cast<std::size_t>(keep) - 1] - '0') % 2 == 1;
        up = next > '5' || (next == '5' && (rest || odd));
    }
    d.digits.resize(static_cast<std::size_t>(keep < 0 ? 0 : keep));
    if (up) {
        std::size_t i = d.digits.size();
        for (; i > 0 && d.digits[i - 1] == '9'; --i) d.digits[i - 1] = '0';
        if (i == 0) {
            d.digits.insert(d.digits.begin(), '1');
            ++d.point;
        } else {
            ++d.digits[i - 1];
        }
    }
    if (d.digits.empty()) d.point = 0;
    return d;
}

char digitAt(const Decimal& d, long index) {
    return index >= 0 && index < static_cast<long>(d.digits.size()) ? d.digits[static_cast<std::size_t>(index)] : '0';
}

// digits.fraction, `fractionDigits` after the point, from the rounded expansion.
std::string fixedText(const Decimal& value, long fractionDigits, bool alternate) {
    const Decimal r = rounded(value, value.point + fractionDigits);
    std::string text;
    if (r.digits.empty() || r.point <= 0) {
        text = "0";
    } else {
        for (long i = 0; i < r.point; ++i) text.push_back(digitAt(r, i));
    }
    if (fractionDigits > 0 || alternate) text.push_back('.');
    for (long j = 0; j < fractionDigits; ++j) text.push_back(digitAt(r, r.point + j));
    return text;
}

// d.ddde±XX, with the exponent the rounding gave.
std::string scientificText(const Decimal& value, long fractionDigits, bool alternate, bool upper, long* exponentOut) {
    const Decimal r = rounded(value, fractionDigits + 1);
    const long exponent = r.digits.empty() ? 0 : r.point - 1;
    std::string text(1, digitAt(r, 0));
    if (fractionDigits > 0 || alternate) text.push_back('.');
    for (long j = 1; j <= fractionDigits; ++j) text.push_back(digitAt(r, j));
    text.push_back(upper ? 'E' : 'e');
    text.push_back(exponent < 0 ? '-' : '+');
    const std::string e = std::to_string(exponent < 0 ? -exponent : exponent);
    if (e.size() < 2) text.push_back('0');
    text += e;
    if (exponentOut) *exponentOut = exponent;
    return text;
}

void formatFloat(Output& out, const Spec& spec, double value) {
    const char c = spec.conversion;
    const bool upper = c == 'F' || c == 'E' || c == 'G';
    const std::string sign = std::signbit(value) ? "-" : spec.plus ? "+" : spec.space ? " " : "";
    if (!std::isfinite(value)) {
        emit(out, spec, sign, std::isnan(value) ? (upper ? "NAN" : "nan") : (upper ? "INF" : "inf"), false);
        return;
    }
    const Decimal exact = exactDecimal(std::fabs(value));
    const long precision = spec.precision < 0 ? 6 : spec.precision;
    std::string body;
    if (c == 'f' || c == 'F') {
        body = fixedText(exact, precision, spec.alternate);
    } else if (c == 'e' || c == 'E') {
        body = scientificText(exact, precision, spec.alternate, upper, nullptr);
    } else { // g, G: the shorter of the two forms by C's rule, then without trailing zeros
        const long significant = precision == 0 ? 1 : precision;
        long exponent = 0;
        const std::string scientific = scientificText(exact, significant - 1, spec.alternate, upper, &exponent);
        body = significant > exponent && exponent >= -4 ? fixedText(exact, significant - 1 - exponent, spec.alternate) : scientific;
        if (!spec.alternate) {
            const std::size_t e = body.find_first_of("eE");
            std::string mantissa = body.substr(0, e);
            const std::string tail = e == std::string::npos ? "" : body.substr(e);
            if (mantissa.find('.') != std::string::npos) {
                while (mantissa.back() == '0') mantissa.pop_back();
                if (mantissa.back() == '.') mantissa.pop_back();
            }
            body = mantissa + tail;
        }
    }
    emit(out, spec, sign, body, true);
}

} // namespace

int formatTextV(char* buffer, std::size_t size, const char* format, std::va_list args) {
    Output out{buffer, size};
    for (const char* p = format; *p != '\0'; ++p) {
        if (*p != '%') {
            out.put(*p);
            continue;
        }
        const char* start = p++;
        if (*p == '%') {
            out.put('%');
            continue;
        }
        Spec spec;
        for (;; ++p) {
            if (*p == '-') spec.left = true;
            else if (*p == '+') spec.plus = true;
            else if (*p == ' ') spec.space = true;
            else if (*p == '#') spec.alternate = true;
            else if (*p == '0') spec.zero = true;
            else break;
        }
        if (*p == '*') {
            const int width = va_arg(args, int);
            spec.left = spec.left || width < 0;
            spec.width = width < 0 ? -static_cast<long>(width) : width;
            ++p;
        } else {
            for (; *p >= '0' && *p <= '9'; ++p) spec.width = spec.width * 10 + (*p - '0');
        }
        if (*p == '.') {
            ++p;
            if (*p == '*') {
                const int precision = va_arg(args, int);
                spec.precision = precision < 0 ? -1 : precision;
                ++p;
            } else {
                spec.precision = 0;
                for (; *p >= '0' && *p <= '9'; ++p) spec.precision = spec.precision * 10 + (*p - '0');
            }
        }
        // Length: h hh l ll j z t L.
        int longs = 0;
        bool shorts = false, chars = false, sizes = false, longDouble = false;
        for (;; ++p) {
            if (*p == 'h') { chars = shorts; shorts = true; }
            else if (*p == 'l') ++longs;
            else if (*p == 'j' || *p == 't') longs = 2;
            else if (*p == 'z') sizes = true;
            else if (*p == 'L') longDouble = true;
            else break;
        }
        spec.conversion = *p;
        switch (*p) {
        case 'd':
        case 'i': {
            std::intmax_t v = longs >= 2 ? va_arg(args, long long) : longs == 1 ? va_arg(args, long)
                            : sizes ? static_cast<std::intmax_t>(va_arg(args, std::size_t)) : va_arg(args, int);
            if (chars) v = static_cast<signed char>(v);
            else if (shorts) v = static_cast<short>(v);
            const std::uintmax_t magnitude = v < 0 ? std::uintmax_t{0} - static_cast<std::uintmax_t>(v) : static_cast<std::uintmax_t>(v);
            formatInteger(out, spec, magnitude, v < 0);
            break;
        }
        case 'u':
        case 'o':
        case 'x':
        case 'X': {
            std::uintmax_t v = longs >= 2 ? va_arg(args, unsigned long long) : longs == 1 ? va_arg(args, unsigned long)
                             : sizes ? va_arg(args, std::size_t) : va_arg(args, unsigned);
            if (chars) v = static_cast<unsigned char>(v);
            else if (shorts) v = static_cast<unsigned short>(v);
            formatInteger(out, spec, v, false);
            break;
        }
        case 'p': {
            const void* pointer = va_arg(args, void*);
            if (pointer == nullptr) {
                emit(out, spec, "", "(nil)", false); // as glibc writes it
            } else {
                formatInteger(out, spec, reinterpret_cast<std::uintptr_t>(pointer), false);
            }
            break;
        }
        case 'c': {
            const char text[1] = {static_cast<char>(va_arg(args, int))};
            emit(out, spec, "", std::string(text, 1), false);
            break;
        }
        case 's': {
            const char* text = va_arg(args, const char*);
            if (text == nullptr) text = "(null)";
            std::size_t n = 0;
            while ((spec.precision < 0 || static_cast<long>(n) < spec.precision) && text[n] != '\0') ++n;
            emit(out, spec, "", std::string(text, n), false);
            break;
        }
        case 'f':
        case 'F':
        case 'e':
        case 'E':
        case 'g':
        case 'G':
            formatFloat(out, spec, longDouble ? static_cast<double>(va_arg(args, long double)) : va_arg(args, double));
            break;
        default:
            // Not one of ours (%a, %n, a stray %): copied as it stands, and no argument taken.
            out.put(start, static_cast<std::size_t>(p - start) + (*p != '\0' ? 1 : 0));
            if (*p == '\0') --p;
            break;
        }
    }
    out.finish();
    return static_cast<int>(out.count);
}

int formatText(char* out, std::size_t size, const char* format, ...) {
    std::va_list args;
    va_start(args, format);
    const int n = formatTextV(out, size, format, args);
    va_end(args);
    return n;
}

std::string formattedText(const char* format, ...) {
    std::va_list args;
    va_start(args, format);
    std::va_list again;
    va_copy(again, args);
    const int n = formatTextV(nullptr, 0, format, args);
    va_end(args);
    std::string text(static_cast<std::size_t>(n), '\0');
    formatTextV(text.data(), text.size() + 1, format, again);
    va_end(again);
    return text;
}

} // namespace explorer
