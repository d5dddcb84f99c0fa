// The wording of a parameter no national text fixes (the city must give it).
export const noNational = (zh: string): string => `${zh}(无全国统一规定,由城市填写)`
